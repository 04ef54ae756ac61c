/**
 * The worker transport: every recording of a real Flowise, served by the mock over HTTP, ends in the same state
 * through the worker as through the main thread; the fallback to the main thread happens before anything is sent.
 * The fault suite (faults.test.ts) runs against both transports too. The worker here is served in this process
 * over a MessageChannel (test-support/worker-transport.ts); the inline Web Worker runs in Chromium (e2e).
 */
import { readdirSync } from 'node:fs';
import { findFixturesDir } from '@flowise-kit/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import { lastAnswer } from '../test-support/events.js';
import { useMockStores } from '../test-support/mock-stores.js';
import { comparable, inProcessWorkerTransport } from '../test-support/worker-transport.js';
import { absoluteApiHost, createWorkerTransport, type WorkerTransport } from './worker-transport.js';

const { chat, mock } = useMockStores({ rate: 0 });
const transports: WorkerTransport[] = [];
afterEach(() => {
  for (const transport of transports.splice(0)) transport.dispose();
});
const worker = () => {
  const transport = inProcessWorkerTransport();
  transports.push(transport);
  return transport;
};

const RECORDINGS = readdirSync(findFixturesDir()!)
  .filter((file) => file.endsWith('-stream.http'))
  .map((file) => file.slice(0, -'.http'.length));

describe('the worker transport', () => {
  it.each(RECORDINGS)('%s: the same final state as the main thread, one POST each', async (name) => {
    const main = chat(`fixture-${name}`, { checkStreamable: false });
    await main.send('Hello');
    const viaWorker = chat(`fixture-${name}`, { checkStreamable: false, transport: worker() });
    await viaWorker.send('Hello');
    expect(comparable(viaWorker.getState())).toEqual(comparable(main.getState()));
    expect(mock().predictions()).toHaveLength(2);
    expect(transports[0]!.lastUsed).toBe('worker');
  });

  it('delivers a long answer in a few batches, adjacent tokens joined', async () => {
    let batches = 0;
    const transport = worker();
    const store = chat('long', {
      transport: (request) => transport({ ...request, onEvent: (event) => (batches++, request.onEvent(event)) }),
      overrideConfig: { mock: { tokens: 5000, rate: 0 } },
    });
    await store.send('Long');
    const answer = lastAnswer(store.getState());
    expect(answer.status).toBe('done');
    expect(answer.text.split(' ').length).toBeGreaterThan(4000);
    // start, tokens in a handful of joined runs, metadata, end: far fewer than 5,000 events.
    expect(batches).toBeLessThan(100);
  });

  it('falls back to the main thread when no worker starts, before anything was sent', async () => {
    const transport = createWorkerTransport({
      createWorker: () => {
        throw new Error('blocked by Content-Security-Policy');
      },
    });
    const store = chat('plain', { transport });
    await store.send('Hi');
    expect(store.getState().status).toBe('done');
    expect(transport.lastUsed).toBe('main');
    expect(mock().predictions()).toHaveLength(1);
  });

  it('in auto mode tries to start a worker once: a page that refused it uses the main thread from then on', async () => {
    let tries = 0;
    const transport = createWorkerTransport({
      createWorker: () => {
        tries++;
        throw new Error('blocked by Content-Security-Policy');
      },
    });
    const store = chat('plain', { transport });
    await store.send('Hi');
    await store.send('Again');
    expect(store.getState().status).toBe('done');
    expect(tries).toBe(1);
    expect(mock().predictions()).toHaveLength(2);
  });

  it('falls back when the worker fails to load (an error event before it is ready)', async () => {
    const transport = createWorkerTransport({
      createWorker: () => {
        const target = new EventTarget();
        setTimeout(() => target.dispatchEvent(new Event('error')), 5);
        return { postMessage: () => undefined, addEventListener: (type, l) => target.addEventListener(type, l) };
      },
    });
    const store = chat('plain', { transport });
    await store.send('Hi');
    expect(store.getState().status).toBe('done');
    expect(transport.lastUsed).toBe('main');
    expect(mock().predictions()).toHaveLength(1);
  });

  it("mode 'worker' never falls back: a typed error, nothing sent", async () => {
    const transport = createWorkerTransport({
      mode: 'worker',
      createWorker: () => {
        throw new Error('no workers');
      },
    });
    const store = chat('plain', { transport });
    await store.send('Hi');
    expect(store.getState().error).toMatchObject({ kind: 'network' });
    expect(store.getState().error?.message).toMatch(/worker-src blob:/);
    expect(mock().predictions()).toHaveLength(0);
  });

  it('a custom fetch, which cannot cross to a worker, uses the main thread', async () => {
    const calls: string[] = [];
    const transport = createWorkerTransport({ createWorker: () => ({ postMessage() {}, addEventListener() {} }) });
    const store = chat('plain', { transport, fetch: (input, init) => (calls.push(String(input)), fetch(input, init)) });
    await store.send('Hi');
    expect(store.getState().status).toBe('done');
    expect(transport.lastUsed).toBe('main');
    expect(calls.filter((url) => url.includes('/prediction/'))).toHaveLength(1);
  });

  it('a worker that dies mid-request fails the turn with a typed error, and the next request starts a new one', async () => {
    const target = new EventTarget();
    let started = 0;
    const transport = createWorkerTransport({
      mode: 'worker',
      createWorker: () => ({
        // Takes the request and never answers: then it dies.
        postMessage: () => void started++,
        addEventListener: (type, listener) => {
          target.addEventListener(type, listener);
          if (type === 'message') setTimeout(() => listener(new MessageEvent('message', { data: { type: 'ready' } })));
        },
      }),
    });
    const store = chat('plain', { transport });
    const sent = store.send('Hi');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(started).toBe(1);
    target.dispatchEvent(new Event('error'));
    await sent;
    expect(store.getState().error).toMatchObject({ kind: 'network' });
    expect(store.getState().messages[1]).toMatchObject({ status: 'error' });
  });

  it('resolves a relative apiHost against the page, since the worker’s own blob: URL resolves nothing', () => {
    const page = 'https://shop.example/help/chat?x=1';
    expect(absoluteApiHost('', page)).toBe('https://shop.example');
    expect(absoluteApiHost('/api/flowise', page)).toBe('https://shop.example/api/flowise');
    expect(absoluteApiHost('/api/flowise/', page)).toBe('https://shop.example/api/flowise');
    expect(absoluteApiHost('//flowise.example:3000', page)).toBe('https://flowise.example:3000');
    expect(absoluteApiHost('http://127.0.0.1:3000/', page)).toBe('http://127.0.0.1:3000');
    expect(absoluteApiHost('proxy', page)).toBe('https://shop.example/help/proxy');
    expect(absoluteApiHost('/api', undefined)).toBe('/api');
  });
});
