/**
 * Fault injection (RELIABILITY.md): every failure a Flowise server or the network can produce, each through the real
 * transport and a real HTTP connection to the mock server. Every case runs as the second turn of a conversation and
 * checks the same contract: exactly the expected number of POSTs, a defined final state, the partial text and the
 * earlier turn intact, a human-readable typed error without the API key, no unhandled rejection, no timer left.
 */
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { lastAnswer } from './test-support/events.js';
import { createChatStore } from './store.js';
import type { ChatStore } from './store-types.js';

import { API_KEY, FAULTS, FULL, TOKENS } from './test-support/faults.js';
import { TRANSPORTS } from './test-support/worker-transport.js';
import type { WorkerTransport } from './worker/worker-transport.js';

let mock: MockFlowise;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, rate: 0, tokens: TOKENS, apiKey: API_KEY, heartbeatMs: 50, stallMs: 400 });
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await mock.close();
});
beforeEach(() => {
  mock.clearRequests();
  unhandled.length = 0;
});
afterEach(() => expect(unhandled).toEqual([]));

/** The timers Node has open: a store must leave none behind after its turn ends and it is disposed. */
const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;

describe.each(TRANSPORTS)('$name transport', ({ name, create }) => {
  let transport: WorkerTransport | undefined;
  beforeEach(() => void (transport = create()));
  afterEach(() => transport?.dispose());
  /** The transport option (none for the main thread's, the default). */
  const using = () => (transport ? { transport } : {});

  describe('fault injection: each fault as the second turn of a conversation', () => {
    const stores: ChatStore[] = [];
    afterEach(() => {
      for (const store of stores.splice(0)) store.dispose();
    });

    it.each(FAULTS)(
      '$name',
      async ({ chatflowId, options = {}, expected }) => {
        const timersBefore = timers();
        const posts: string[] = [];
        /** What the transport's reader returned from prediction bodies: chunks and bytes. */
        const reads = { chunks: 0, bytes: 0 };
        // The real fetch, counted: requests that never reach the server (refused, DNS) are still counted here. The
        // body's reader is counted in place (no pipe in between, which would add a queue of its own).
        const countingFetch: typeof fetch = async (input, init) => {
          if (init?.method === 'POST') posts.push(String(input));
          const response = await fetch(input, init);
          const body = response.body;
          if (!String(input).includes('/prediction/') || !body) return response;
          const getReader = body.getReader.bind(body) as () => ReadableStreamDefaultReader<Uint8Array>;
          body.getReader = (() => {
            const reader = getReader();
            const read = reader.read.bind(reader);
            reader.read = async () => {
              const result = await read();
              if (!result.done) {
                reads.chunks++;
                reads.bytes += result.value.byteLength;
              }
              return result;
            };
            return reader;
          }) as typeof body.getReader;
          return response;
        };
        // A custom fetch cannot cross to a worker: the worker's POSTs are counted by the server alone.
        const store = createChatStore({
          apiHost: mock.url,
          chatflowId: 'plain',
          apiKey: API_KEY,
          ...(name === 'worker' ? using() : { fetch: countingFetch }),
        });
        stores.push(store);
        await store.send('First question');
        const history = structuredClone(store.getState().messages);

        store.configure({ chatflowId, ...options });
        reads.chunks = reads.bytes = 0;
        await store.send('Second question');
        // Anything sent again (a retry, a reconnect) would arrive within this wait.
        await new Promise((resolve) => setTimeout(resolve, 150));

        const state = store.getState();
        const answer = lastAnswer(state);
        expect(state.messages.slice(0, 2)).toEqual(history);
        expect(state.messages).toHaveLength(4);
        expect(state.messages[2]).toMatchObject({ role: 'user', text: 'Second question' });
        expect(state.status).toBe(expected.status);
        expect(answer.status).toBe(expected.status);
        if (name !== 'worker') expect(posts.filter((url) => url.includes('/prediction/'))).toHaveLength(2);
        expect(mock.predictions()).toHaveLength(1 + (expected.posts ?? 1));

        if (typeof expected.text === 'string') expect(answer.text).toBe(expected.text);
        else if (expected.text) expect(expected.text(answer.text)).toBe(true);

        if (expected.status === 'error') {
          const error = state.error!;
          expect(error).toEqual(answer.error);
          expect(error.kind).toBe(expected.kind);
          expect(error.message.length).toBeGreaterThan(10);
          expect(error.message).not.toMatch(/\[object |undefined|null/);
          if (expected.message) expect(error.message).toMatch(expected.message);
          if (chatflowId.startsWith('http-429')) expect(error.retryAfterMs).toBe(1000);
        } else {
          expect(state.error).toBeUndefined();
        }
        expect(JSON.stringify(state)).not.toContain(API_KEY);
        if (expected.diagnostic) expect(state.diagnostics.map((d) => d.kind)).toContain(expected.diagnostic);
        const lateTokens = state.diagnostics.filter((d) => d.kind === 'late-event' && d.detail.startsWith('"token"'));
        expect(lateTokens).toHaveLength(expected.lateTokens ?? 0);
        if (expected.minChunks !== undefined && name !== 'worker') {
          expect(reads.chunks).toBeGreaterThanOrEqual(expected.minChunks);
          expect(reads.bytes).toBeGreaterThan(12_215);
        }

        store.dispose();
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(timers()).toBeLessThanOrEqual(timersBefore);
        // The trickle takes 1–3 s on this machine's two cores.
      },
      20_000,
    );
  });

  describe('fault injection: what a user does', () => {
    const stores: ChatStore[] = [];
    afterEach(() => {
      for (const store of stores.splice(0)) store.dispose();
    });
    const chat = (chatflowId: string) => {
      const store = createChatStore({ apiHost: mock.url, chatflowId, apiKey: API_KEY, ...using() });
      stores.push(store);
      return store;
    };
    const slow = { overrideConfig: { mock: { rate: 200, tokens: 2000 } } };

    it('stop then send at once: the stopped answer keeps its text, the new question is one POST', async () => {
      const store = chat('long');
      const first = store.send('Long one', slow);
      await vi.waitFor(() => expect(lastAnswer(store.getState()).text.length).toBeGreaterThan(20), { interval: 5 });
      store.stop();
      const partial = lastAnswer(store.getState()).text;
      store.configure({ chatflowId: 'plain' });
      await store.send('Short one');
      await first;
      const messages = store.getState().messages;
      expect(messages.map((m) => (m.role === 'assistant' ? m.status : m.text))).toEqual([
        'Long one',
        'aborted',
        'Short one',
        'done',
      ]);
      expect(messages[1]).toMatchObject({ text: partial });
      expect(lastAnswer(store.getState()).text).toBe(FULL);
      expect(mock.predictions()).toHaveLength(2);
    });

    it('send pressed many times fast: one POST, one turn', async () => {
      const store = chat('plain');
      const sends = Array.from({ length: 10 }, () => store.send('Hi'));
      await Promise.all(sends);
      expect(mock.predictions()).toHaveLength(1);
      expect(store.getState().messages).toHaveLength(2);
    });

    it('retry after a fault replaces the failed answer with one new request', async () => {
      const store = chat('drop');
      await store.send('Will drop');
      expect(store.getState().error?.kind).toBe('incomplete');
      store.configure({ chatflowId: 'plain' });
      await store.retry();
      expect(mock.predictions()).toHaveLength(2);
      expect(store.getState().messages.map((m) => (m.role === 'assistant' ? m.status : m.text))).toEqual([
        'Will drop',
        'done',
      ]);
    });
  });
});
