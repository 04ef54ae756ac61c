/**
 * Fault injection (RELIABILITY.md): every failure a Flowise server or the network can produce, each through the real
 * transport and a real HTTP connection to the mock server. Every case runs as the second turn of a conversation and
 * checks the same contract: exactly the expected number of POSTs, a defined final state, the partial text and the
 * earlier turn intact, a human-readable typed error without the API key, no unhandled rejection, no timer left.
 */
import { answerTokens, startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatErrorKind } from './errors.js';
import type { ChatStatus } from './state.js';
import { lastAnswer } from './test-support/events.js';
import { createChatStore } from './store.js';
import type { ChatStore, ChatStoreOptions } from './store-types.js';

const API_KEY = 'sk-fault-SECRET-0123456789';
const TOKENS = 30;
const FULL = answerTokens(TOKENS).join('');
const FIVE = answerTokens(5).join('');

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

interface Expected {
  status: Extract<ChatStatus, 'done' | 'error'>;
  kind?: ChatErrorKind;
  /** The answer's text at the end: the whole answer, or the part that arrived before the fault. */
  text?: string | ((text: string) => boolean);
  /** What the error message must say (besides being non-empty and free of the key). */
  message?: RegExp;
  retryAfterMs?: number;
  /** POSTs the faulty turn sends: 1 unless the request never reached a server. */
  posts?: number;
  diagnostic?: string;
  /** Tokens that arrive after the answer ended (an `error` event): each one a `late-event` diagnostic, not text. */
  lateTokens?: number;
  /** At least this many chunks read from the response body (the reads the transport's reader returned). */
  minChunks?: number;
}

interface Fault {
  name: string;
  chatflowId: string;
  options?: Partial<ChatStoreOptions>;
  expected: Expected;
}

const http = (status: number, kind: ChatErrorKind, message: RegExp): Fault[] => [
  { name: `HTTP ${status} with a JSON body`, chatflowId: `http-${status}`, expected: { status: 'error', kind, message, text: '' } },
  { name: `HTTP ${status} with an empty body`, chatflowId: `http-${status}-empty`, expected: { status: 'error', kind, text: '' } },
];

const FAULTS: Fault[] = [
  { name: 'connection refused', chatflowId: 'plain', options: { apiHost: 'http://127.0.0.1:1' }, expected: { status: 'error', kind: 'network', message: /127\.0\.0\.1:1/, posts: 0 } },
  { name: 'an unresolvable host', chatflowId: 'plain', options: { apiHost: 'http://flowise-kit.invalid' }, expected: { status: 'error', kind: 'network', message: /flowise-kit\.invalid/, posts: 0 } },
  ...http(400, 'http', /question is required/),
  ...http(401, 'auth', /API key|Unauthorized/i),
  ...http(403, 'forbidden', /not allowed/),
  ...http(404, 'not-found', /http-404/),
  ...http(413, 'payload-too-large', /too large/i),
  ...http(429, 'rate-limited', /Too many requests/),
  ...http(500, 'server', /Internal failure/),
  ...http(502, 'server', /Bad Gateway/),
  ...http(503, 'server', /Service Unavailable/),
  { name: 'HTTP 502 with a proxy HTML page', chatflowId: 'http-502-html', expected: { status: 'error', kind: 'server', text: '' } },
  { name: '200 with text/html', chatflowId: 'html', expected: { status: 'error', kind: 'bad-response', message: /text\/html/, text: '' } },
  { name: '200 with an empty body', chatflowId: 'empty-body', expected: { status: 'error', kind: 'bad-response', text: '' } },
  { name: '200 event stream with no events', chatflowId: 'empty', expected: { status: 'error', kind: 'incomplete', text: '' } },
  { name: 'a stream that stalls mid-answer (idle timeout)', chatflowId: 'stall', options: { idleTimeoutMs: 300 }, expected: { status: 'error', kind: 'timeout', message: /stalled/, text: FIVE } },
  { name: 'a stream that drops without end', chatflowId: 'drop', expected: { status: 'error', kind: 'incomplete', text: FIVE } },
  { name: 'end without start', chatflowId: 'end-without-start', expected: { status: 'done', text: FULL } },
  { name: 'an error event mid-answer', chatflowId: 'error-event', expected: { status: 'error', kind: 'flow', message: /terminated/, text: FIVE } },
  { name: 'an error event followed by tokens', chatflowId: 'error-then-tokens', expected: { status: 'error', kind: 'flow', message: /model went away/, text: FIVE, lateTokens: 5 } },
  { name: 'an error event before start', chatflowId: 'error-before-start', expected: { status: 'error', kind: 'flow', text: '' } },
  { name: 'a bad API key (200 stream with an error event)', chatflowId: 'auth-error', expected: { status: 'error', kind: 'auth', text: '' } },
  { name: 'duplicate end', chatflowId: 'duplicate-end', expected: { status: 'done', text: FULL } },
  { name: 'a 1 MB single token', chatflowId: 'huge-token', expected: { status: 'done', text: (t) => t.length === 1024 * 1024 + 8 && t.endsWith(' THE END') } },
  // The server writes 12,215 bytes one by one, yielding to the event loop after each. Measured on loopback: the
  // transport's reader returned 12,215 chunks in every run, also with a fuzz run busy on the other core; before the mock
  // yielded, the same bytes arrived in 2 or 3 chunks. The bound leaves a margin for a busier machine.
  { name: '10,000+ chunks of 1 byte', chatflowId: 'trickle', expected: { status: 'done', text: answerTokens(250).join(''), minChunks: 10_000 } },
  { name: 'invalid UTF-8 inside a token', chatflowId: 'invalid-utf8', expected: { status: 'done', text: `${FIVE} caf\uFFFD(\uFFFD\uFFFD and more.` } },
  { name: 'a malformed JSON envelope among good ones', chatflowId: 'malformed', expected: { status: 'done', text: FULL, diagnostic: 'malformed-event' } },
  { name: 'id: and retry: fields (no reconnect)', chatflowId: 'sse-fields', expected: { status: 'done', text: FULL } },
  { name: 'an unknown chatflow (streamable check: not found at once)', chatflowId: 'unknown-flow', expected: { status: 'error', kind: 'not-found', message: /unknown-flow/, text: '' } },
  {
    name: 'an unknown chatflow without the check (first-byte timeout)',
    chatflowId: 'unknown-flow',
    options: { checkStreamable: false, firstByteTimeoutMs: 300 },
    expected: { status: 'error', kind: 'timeout', message: /unknown-flow/, text: '' },
  },
];

describe('fault injection: each fault as the second turn of a conversation', () => {
  const stores: ChatStore[] = [];
  afterEach(() => {
    for (const store of stores.splice(0)) store.dispose();
  });

  it.each(FAULTS)('$name', async ({ chatflowId, options = {}, expected }) => {
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
    const store = createChatStore({ apiHost: mock.url, chatflowId: 'plain', apiKey: API_KEY, fetch: countingFetch });
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
    expect(posts.filter((url) => url.includes('/prediction/'))).toHaveLength(2);
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
    if (expected.minChunks !== undefined) {
      expect(reads.chunks).toBeGreaterThanOrEqual(expected.minChunks);
      expect(reads.bytes).toBeGreaterThan(12_215);
    }

    store.dispose();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(timers()).toBeLessThanOrEqual(timersBefore);
    // The trickle takes 1–3 s on this machine's two cores.
  }, 20_000);
});

describe('fault injection: what a user does', () => {
  const stores: ChatStore[] = [];
  afterEach(() => {
    for (const store of stores.splice(0)) store.dispose();
  });
  const chat = (chatflowId: string) => {
    const store = createChatStore({ apiHost: mock.url, chatflowId, apiKey: API_KEY });
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
    expect(messages.map((m) => (m.role === 'assistant' ? m.status : m.text))).toEqual(['Long one', 'aborted', 'Short one', 'done']);
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
    expect(store.getState().messages.map((m) => (m.role === 'assistant' ? m.status : m.text))).toEqual(['Will drop', 'done']);
  });
});
