/** The mock speaks Flowise's wire format byte for byte; asserted over real HTTP. */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerTokens } from './answer.js';
import { findFixturesDir } from './fixtures.js';
import { startMockFlowise, type MockFlowise } from './server.js';
import { STREAM_HEADERS, encodeEvent } from './wire.js';

let mock: MockFlowise;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, tokens: 7 });
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.clearRequests();
  mock.configure({ apiKey: undefined, rate: 0, heartbeatMs: 30_000, stallMs: 3000, honourAbort: true });
});

const post = (chatflowId: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  fetch(`${mock.url}/api/v1/prediction/${chatflowId}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ question: 'Hi', streaming: true, ...body }),
  });

function events(text: string): { event: string; data: unknown }[] {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('message:\ndata:'))
    .map((block) => JSON.parse(block.slice('message:\ndata:'.length)) as { event: string; data: unknown });
}

describe('the mock Flowise server', () => {
  it('streams with Flowise headers and framing: start, N tokens, metadata, end', async () => {
    const response = await post('plain', { chatId: 'c-1' });
    for (const [name, value] of STREAM_HEADERS) expect(response.headers.get(name)).toBe(value);
    const text = await response.text();
    expect(text.startsWith('message:\ndata:{"event":"start","data":""}\n\n')).toBe(true);
    const all = events(text);
    const tokens = all.filter((e) => e.event === 'token').map((e) => e.data);
    expect(tokens).toEqual(answerTokens(7));
    expect(all.at(-2)).toMatchObject({ event: 'metadata', data: { chatId: 'c-1', question: 'Hi' } });
    expect(text.endsWith(encodeEvent('end', '[DONE]'))).toBe(true);
  });

  it('paces tokens at the rate', async () => {
    const started = Date.now();
    await (await post('plain', { overrideConfig: { mock: { rate: 100, tokens: 20 } } })).text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('replays a recording byte for byte', async () => {
    const dir = findFixturesDir();
    expect(dir).toBeDefined();
    const file = readFileSync(`${dir}/conversation-stream.http`);
    const body = file.subarray(file.indexOf('\r\n\r\n') + 4);
    const response = await post('fixture-conversation-stream');
    expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
  });

  it('an unknown chatflow never answers a streaming request, and 404s a JSON one', async () => {
    const { port } = new URL(mock.url);
    const status = await new Promise<string>((resolve) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/prediction/unknown',
          headers: { 'Content-Type': 'application/json' },
        },
        (res) => resolve(`status ${res.statusCode}`),
      );
      req.on('error', () => undefined);
      req.end(JSON.stringify({ question: 'Hi', streaming: true }));
      setTimeout(() => {
        resolve('silent');
        req.destroy();
      }, 300);
    });
    expect(status).toBe('silent');
    const json = await post('unknown', { streaming: false });
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({
      statusCode: 404,
      success: false,
      message: 'Chatflow unknown not found in the database!',
      stack: {},
    });
  });

  it('the streamable check: true, false for json, 500 not found for unknown', async () => {
    expect(await (await fetch(`${mock.url}/api/v1/chatflows-streaming/plain`)).json()).toEqual({ isStreaming: true });
    expect(await (await fetch(`${mock.url}/api/v1/chatflows-streaming/json`)).json()).toEqual({ isStreaming: false });
    const unknown = await fetch(`${mock.url}/api/v1/chatflows-streaming/unknown-1`);
    expect(unknown.status).toBe(500);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/Chatflow unknown-1 not found$/);
  });

  it('the abort endpoint ends a running stream with an error and end', async () => {
    const response = await post('long', { chatId: 'abort-me', overrideConfig: { mock: { rate: 200, tokens: 1000 } } });
    const reading = response.text();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const abort = await fetch(`${mock.url}/api/v1/chatmessage/abort/long/abort-me`, { method: 'PUT' });
    expect(await abort.json()).toEqual({ status: 200, message: 'Chat message aborted' });
    const all = events(await reading);
    expect(all.filter((e) => e.event === 'token').length).toBeLessThan(1000);
    expect(all.slice(-2).map((e) => e.event)).toEqual(['error', 'end']);
  });

  it('drop closes without end; slow-model sends heartbeats before its error', async () => {
    const dropped = await post('drop');
    await expect(dropped.text()).rejects.toThrow();
    mock.configure({ heartbeatMs: 50, stallMs: 300 });
    const text = await (await post('slow-model')).text();
    expect(text.match(/:heartbeat\n\n/g)!.length).toBeGreaterThanOrEqual(3);
    expect(events(text).map((e) => e.event)).toEqual(['error', 'end']);
  });

  it('non-streaming requests get Flowise JSON; followUpPrompts JSON-encoded', async () => {
    const body = (await (await post('follow-up', { streaming: false })).json()) as Record<string, unknown>;
    expect(body.text).toBe(answerTokens(7).join(''));
    expect(body.isStreamValid).toBe(false);
    expect(JSON.parse(body.followUpPrompts as string)).toHaveLength(3);
    const failed = await post('error-event', { streaming: false });
    expect(failed.status).toBe(500);
  });

  it('HTTP error scenarios answer with their status and Flowise body', async () => {
    const limited = await post('http-429');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toMatchObject({ statusCode: 429, success: false });
    const html = await post('html');
    expect(html.headers.get('content-type')).toContain('text/html');
  });

  it('records each request; the apiKey option answers Unauthorized without the key', async () => {
    mock.configure({ apiKey: 'secret-key' });
    const text = await (await post('plain', {}, { Authorization: 'Bearer wrong' })).text();
    expect(events(text)).toEqual([
      { event: 'error', data: 'Error: predictionsServices.buildChatflow - Unauthorized' },
      { event: 'end', data: '[DONE]' },
    ]);
    const ok = await (await post('plain', {}, { Authorization: 'Bearer secret-key' })).text();
    expect(events(ok).at(-1)?.event).toBe('end');
    expect(mock.predictions()).toHaveLength(2);
    expect(mock.predictions()[0]).toMatchObject({
      method: 'POST',
      body: { question: 'Hi', streaming: true },
      headers: { authorization: 'Bearer wrong' },
    });
  });

  describe('close()', () => {
    /** Settles like `promise`, or rejects saying what did not happen in time (instead of hanging until the test timeout). */
    function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)),
      );
      return Promise.race([promise, late]).finally(() => clearTimeout(timer));
    }

    /** The error code of a TCP connection attempt to the port, or `connected`. */
    const connectTo = (port: number) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      });

    it('releases the port when close() resolves: new connections are refused, a new server can listen on it', async () => {
      const first = await startMockFlowise({ port: 0 });
      expect(await (await fetch(`${first.url}/api/v1/ping`)).text()).toBe('pong');
      await first.close();
      expect(await connectTo(first.port)).toBe('ECONNREFUSED');
      const second = await startMockFlowise({ port: first.port });
      try {
        expect(await (await fetch(`${second.url}/api/v1/ping`)).text()).toBe('pong');
      } finally {
        await second.close();
      }
    });

    it('does not wait for open streams: a stalled stream and a hanging request are cut off', async () => {
      const server = await startMockFlowise({ port: 0 });
      const streaming = { method: 'POST', body: '{"streaming":true}', headers: { 'Content-Type': 'application/json' } };
      // `unknown` never answers a streaming request; `stall` sends a few tokens, then nothing, without ever ending.
      const hanging = fetch(`${server.url}/api/v1/prediction/unknown`, streaming);
      hanging.catch(() => undefined);
      const stalled = await fetch(`${server.url}/api/v1/prediction/stall`, streaming);
      const reader = stalled.body!.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toContain('"event":"start"');
      await vi.waitFor(() => expect(server.predictions()).toHaveLength(2));

      await within(server.close(), 1000, 'close() did not resolve with a stalled stream open');
      await expect(within(hanging, 1000, 'the hanging request was not cut off')).rejects.toThrow(/fetch failed/);
      await expect(within(drain(reader), 1000, 'the stalled stream was not cut off')).rejects.toThrow(/terminated/);
      expect(await connectTo(server.port)).toBe('ECONNREFUSED');
    });
  });
});

/** Reads a body to its end. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  while (!(await reader.read()).done);
}
