/** The transport over real HTTP against the mock Flowise server (no stubbed fetch). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerTokens, startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFlowiseClient } from './client.js';
import { FlowiseError } from './errors.js';
import type { FlowiseEvent } from './events.js';
import { streamPrediction, type PredictionRequest, type StreamableAnswer } from './transport.js';

let mock: MockFlowise;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, rate: 0, tokens: 20 });
});
afterAll(() => mock.close());
beforeEach(() => mock.clearRequests());

async function predict(chatflowId: string, extra: Partial<PredictionRequest> = {}) {
  const events: FlowiseEvent[] = [];
  let outcome: string | undefined;
  let error: FlowiseError | undefined;
  try {
    outcome = await streamPrediction({
      apiHost: mock.url,
      chatflowId,
      body: { question: 'Hi', streaming: true, chatId: 'chat-1' },
      onEvent: (event) => events.push(event),
      ...extra,
    });
  } catch (cause) {
    if (!(cause instanceof FlowiseError)) throw cause;
    error = cause;
  }
  const text = events.flatMap((e) => (e.type === 'token' ? [e.data] : [])).join('');
  return { events, outcome, error, text, posts: mock.predictions().length };
}

describe('streamPrediction against the mock Flowise server', () => {
  it('streams an answer to its end with one POST carrying the body', async () => {
    const { outcome, text, events, posts } = await predict('plain');
    expect(outcome).toBe('completed');
    expect(text).toBe(answerTokens(20).join(''));
    expect(events[0]).toEqual({ type: 'start', data: '' });
    expect(events.at(-1)).toEqual({ type: 'end', data: '[DONE]' });
    expect(posts).toBe(1);
    expect(mock.predictions()[0]!.body).toMatchObject({ question: 'Hi', streaming: true, chatId: 'chat-1' });
  });

  it('sends the API key as a Bearer token', async () => {
    await predict('plain', { apiKey: 'key-123', headers: { 'X-Extra': 'yes' } });
    expect(mock.predictions()[0]!.headers).toMatchObject({ authorization: 'Bearer key-123', 'x-extra': 'yes' });
  });

  it('parses a JSON answer when the chatflow cannot stream, into the same events', async () => {
    const { outcome, text, events } = await predict('json');
    expect(outcome).toBe('completed');
    expect(text.length).toBeGreaterThan(0);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['start', 'token', 'metadata', 'end']));
  });

  it('a streaming:false request gets the JSON answer', async () => {
    const { outcome, text } = await predict('plain', { body: { question: 'Hi', streaming: false, chatId: 'c' } });
    expect(outcome).toBe('completed');
    expect(text).toBe(answerTokens(20).join(''));
  });

  it.each([
    ['http-401', 'auth', 401],
    ['http-403', 'forbidden', 403],
    ['http-404', 'not-found', 404],
    ['http-413', 'payload-too-large', 413],
    ['http-429', 'rate-limited', 429],
    ['http-500', 'server', 500],
    ['http-502-html', 'server', 502],
    ['http-503', 'server', 503],
  ])('%s becomes a typed %s error, sent once', async (scenario, kind, status) => {
    const { error, posts } = await predict(scenario);
    expect(error).toBeInstanceOf(FlowiseError);
    expect(error).toMatchObject({ kind, status });
    expect(error!.message.length).toBeGreaterThan(10);
    expect(posts).toBe(1);
  });

  it('a 404 names the chatflow and keeps the server message', async () => {
    const { error } = await predict('http-404');
    expect(error!.message).toContain('http-404');
    expect(error!.detail).toMatch(/not found/);
  });

  it('a 429 carries Retry-After', async () => {
    const { error } = await predict('http-429');
    expect(error!.retryAfterMs).toBe(1000);
    expect(error!.message).toContain('Try again in 1 s');
  });

  it('a 200 HTML page is a bad response that says what to check', async () => {
    const { error } = await predict('html');
    expect(error).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(error!.message).toContain('text/html');
  });

  it('an empty stream and a dropped stream are incomplete; what arrived was delivered', async () => {
    expect((await predict('empty')).error?.kind).toBe('incomplete');
    const dropped = await predict('drop');
    expect(dropped.error?.kind).toBe('incomplete');
    expect(dropped.text).toBe(answerTokens(5).join(''));
    expect(dropped.posts).toBe(2); // one for each of the two requests
  });

  it('an error event is the flow failing, not an incomplete stream', async () => {
    const { outcome, events } = await predict('error-event');
    expect(outcome).toBe('completed');
    expect(events.filter((e) => e.type === 'error')).toHaveLength(1);
  });

  it('skips a malformed event and goes on to the end', async () => {
    const { outcome, events } = await predict('malformed');
    expect(outcome).toBe('completed');
    expect(events.some((e) => e.type === 'malformed')).toBe(true);
    expect(events.at(-1)?.type).toBe('end');
  });

  it('a stalled stream ends in a timeout after the idle wait, keeping what arrived', async () => {
    const started = Date.now();
    const { error, text } = await predict('stall', { idleTimeoutMs: 300 });
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(error!.message).toContain('stalled');
    expect(text).toBe(answerTokens(5).join(''));
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('heartbeats keep a slow model alive past the idle wait', async () => {
    mock.configure({ heartbeatMs: 50, stallMs: 400 });
    try {
      const { outcome, events } = await predict('slow-model', { idleTimeoutMs: 200 });
      expect(outcome).toBe('completed');
      expect(events.map((e) => e.type)).toEqual(['error', 'end']);
    } finally {
      mock.configure({ heartbeatMs: 30_000, stallMs: 3000 });
    }
  });

  it('an unknown chatflow that never answers ends in a timeout after the first-byte wait', async () => {
    const { error, posts } = await predict('unknown', { firstByteTimeoutMs: 300 });
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(error!.message).toContain('"unknown"');
    expect(posts).toBe(1);
  });

  it('with the streamable check in parallel, an unknown chatflow fails at once as not found', async () => {
    const client = createFlowiseClient({ apiHost: mock.url });
    const streamable: Promise<StreamableAnswer> = client.checkStreaming('unknown-flow').then(
      (value) => ({ streamable: value }),
      (error: FlowiseError) => ({ error: error.toChatError() }),
    );
    const started = Date.now();
    const { error } = await predict('unknown-flow', { firstByteTimeoutMs: 10_000, streamable });
    expect(error).toMatchObject({ kind: 'not-found' });
    expect(error!.message).toContain('unknown-flow');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('aborting resolves "aborted" and stops reading', async () => {
    const controller = new AbortController();
    const events: FlowiseEvent[] = [];
    const promise = streamPrediction({
      apiHost: mock.url,
      chatflowId: 'long',
      body: { question: 'Hi', chatId: 'c', overrideConfig: { mock: { rate: 200, tokens: 1000 } } },
      signal: controller.signal,
      onEvent: (event) => {
        events.push(event);
        if (events.length === 10) controller.abort();
      },
    });
    expect(await promise).toBe('aborted');
    const count = events.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.length).toBe(count);
  });

  it('never puts the API key into an error', async () => {
    const key = 'sk-very-secret-key';
    for (const scenario of ['http-401', 'http-500', 'html', 'unknown']) {
      const { error } = await predict(scenario, { apiKey: key, firstByteTimeoutMs: 200 });
      expect(JSON.stringify(error) + error!.message + String(error!.stack)).not.toContain(key);
    }
  });
});

describe('streamPrediction when the network fails', () => {
  let server: Server;
  let connections = 0;
  beforeAll(async () => {
    server = createServer();
    server.on('connection', (socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('a connection reset is a network error, and the request is not sent again', async () => {
    const { port } = server.address() as AddressInfo;
    const error = await streamPrediction({
      apiHost: `http://127.0.0.1:${port}`,
      chatflowId: 'x',
      body: { question: 'Hi' },
      onEvent: () => undefined,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowiseError);
    expect((error as FlowiseError).kind).toBe('network');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(connections).toBe(1);
  });

  it('a refused connection says where it tried', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = (await streamPrediction({
      apiHost: `http://127.0.0.1:${port}`,
      chatflowId: 'x',
      body: { question: 'Hi' },
      onEvent: () => undefined,
    }).catch((e: unknown) => e)) as FlowiseError;
    expect(error.kind).toBe('network');
    expect(error.message).toContain(`127.0.0.1:${port}`);
  });
});
