/**
 * The request's phases and its single outcome (connecting → receiving → settled; the first outcome wins), over real
 * HTTP to the mock Flowise server.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatError } from './errors.js';
import type { FlowiseEvent } from './events.js';
import { streamPrediction, type PredictionRequest, type StreamableAnswer } from './transport.js';

let mock: MockFlowise;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, rate: 0, tokens: 10 });
});
afterAll(() => mock.close());

function request(chatflowId: string, extra: Partial<PredictionRequest> = {}): PredictionRequest {
  return { apiHost: mock.url, chatflowId, body: { question: 'Hi', chatId: 'c' }, onEvent: () => {}, ...extra };
}

const notFound: ChatError = { kind: 'not-found', message: 'Chatflow "x" was not found.' };

describe('a request has one outcome, and the first one wins', () => {
  it('an answer that ended stays completed when the caller aborts right after its end event', async () => {
    const controller = new AbortController();
    const onEvent = (event: FlowiseEvent) => {
      if (event.type === 'end') controller.abort();
    };
    await expect(streamPrediction(request('plain', { signal: controller.signal, onEvent }))).resolves.toBe('completed');
  });

  it('a caller abort mid-stream is "aborted", and no later event is delivered', async () => {
    const controller = new AbortController();
    const events: FlowiseEvent[] = [];
    const onEvent = (event: FlowiseEvent) => {
      events.push(event);
      if (event.type === 'token') controller.abort();
    };
    await expect(streamPrediction(request('plain', { signal: controller.signal, onEvent }))).resolves.toBe('aborted');
    expect(events.filter((event) => event.type === 'token')).toHaveLength(1);
  });

  it('a first-byte timeout stays a timeout when the caller aborts afterwards', async () => {
    const controller = new AbortController();
    const run = streamPrediction(request('unknown', { signal: controller.signal, firstByteTimeoutMs: 150 }));
    setTimeout(() => controller.abort(), 400);
    await expect(run).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('the streamable check acts only while connecting', () => {
  it('its "not found" ends a request that is still connecting', async () => {
    const started = Date.now();
    const streamable = Promise.resolve<StreamableAnswer>({ error: notFound });
    await expect(streamPrediction(request('unknown', { streamable, firstByteTimeoutMs: 5_000 }))).rejects.toMatchObject(
      notFound,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('its "not found" is ignored once the response is being received', async () => {
    let answer!: (value: StreamableAnswer) => void;
    const streamable = new Promise<StreamableAnswer>((resolve) => (answer = resolve));
    const onEvent = (event: FlowiseEvent) => {
      if (event.type === 'start' || event.type === 'token') answer({ error: notFound });
    };
    const slow = { question: 'Hi', chatId: 'c', overrideConfig: { mock: { rate: 100, tokens: 10 } } };
    await expect(streamPrediction(request('plain', { streamable, onEvent, body: slow }))).resolves.toBe('completed');
  });

  it('"not streamable" lifts the first-byte wait: a JSON answer may take as long as the flow runs', async () => {
    const controller = new AbortController();
    const streamable = Promise.resolve<StreamableAnswer>({ streamable: false });
    // `unknown` never answers a streaming request: only the caller's abort can end this one now.
    const run = streamPrediction(
      request('unknown', { streamable, firstByteTimeoutMs: 150, signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 600);
    await expect(run).resolves.toBe('aborted');
  });
});

describe('the idle wait applies while receiving, whatever the body', () => {
  it('an error body that stops half-way is a timeout after the idle wait, not a hang', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.write('{"message":"half');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const apiHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const run = streamPrediction({ ...request('x'), apiHost, idleTimeoutMs: 200 });
      await expect(run).rejects.toMatchObject({ kind: 'timeout' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("deadlines beyond a timer's range", () => {
  it('an Infinity first-byte wait is no wait at all, not an instant timeout', async () => {
    await expect(
      streamPrediction(request('plain', { firstByteTimeoutMs: Infinity, idleTimeoutMs: Infinity })),
    ).resolves.toBe('completed');
  });
});
