/** `for await` over a prediction: real HTTP to the mock Flowise server. */
import { answerTokens, startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlowiseError } from './errors.js';
import type { FlowiseEvent } from './events.js';
import { predict, type PredictOptions } from './predict.js';

let mock: MockFlowise;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, rate: 0, tokens: 12 });
});
afterAll(() => mock.close());
beforeEach(() => mock.clearRequests());

const ask = (chatflowId: string, extra: Partial<PredictOptions> = {}) =>
  predict({ apiHost: mock.url, chatflowId, question: 'Hi', ...extra });

async function collect(iterable: AsyncIterable<FlowiseEvent>): Promise<FlowiseEvent[]> {
  const events: FlowiseEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}
const textOf = (events: FlowiseEvent[]) => events.flatMap((e) => (e.type === 'token' ? [e.data] : [])).join('');
const aborts = () => mock.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/api/v1/chatmessage/abort/'));

describe('predict', () => {
  it('yields the typed events of one streamed answer, from one POST carrying the question and chatId', async () => {
    const prediction = ask('sources');
    const events = await collect(prediction);
    expect(textOf(events)).toBe(answerTokens(12).join(''));
    expect(events.at(-1)).toEqual({ type: 'end', data: '[DONE]' });
    expect(events.find((e) => e.type === 'sourceDocuments')?.data).toHaveLength(3);
    expect(prediction.status).toBe('completed');
    expect(mock.predictions()).toHaveLength(1);
    expect(mock.predictions()[0]!.body).toMatchObject({ question: 'Hi', streaming: true, chatId: prediction.chatId });
  });

  it('sends nothing until the loop starts, and is iterated once', async () => {
    const prediction = ask('plain');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(mock.predictions()).toHaveLength(0);
    await collect(prediction);
    expect(() => prediction[Symbol.asyncIterator]()).toThrow(TypeError);
    expect(mock.predictions()).toHaveLength(1);
  });

  it('yields the same events from a chatflow that answers JSON', async () => {
    const events = await collect(ask('json'));
    expect(textOf(events)).toBe(answerTokens(12).join(''));
    expect(events.some((e) => e.type === 'metadata')).toBe(true);
  });

  it('breaking out of the loop stops the request and calls Flowise’s abort for this chatId', async () => {
    const prediction = ask('plain', { overrideConfig: { mock: { rate: 100, tokens: 500 } } });
    let tokens = 0;
    for await (const event of prediction) {
      if (event.type === 'token' && ++tokens === 3) break;
    }
    expect(prediction.status).toBe('stopped');
    await vi.waitFor(() =>
      expect(aborts().map((r) => r.path)).toEqual([`/api/v1/chatmessage/abort/plain/${prediction.chatId}`]),
    );
    expect(mock.predictions()).toHaveLength(1);
  });

  it('breaking on its end event is a completed answer: nothing is stopped, no abort call', async () => {
    const prediction = ask('plain');
    for await (const event of prediction) if (event.type === 'end') break;
    expect(prediction.status).toBe('completed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(aborts()).toHaveLength(0);
  });

  it('stopped before the loop, or with a signal already aborted: nothing is sent, not even the abort call', async () => {
    const early = ask('plain');
    early.stop();
    expect(await collect(early)).toEqual([]);
    const controller = new AbortController();
    controller.abort();
    const aborted = ask('plain', { signal: controller.signal });
    expect(await collect(aborted)).toEqual([]);
    expect(aborted.status).toBe('stopped');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mock.requests).toEqual([]);
  });

  it('aborting the signal ends the loop without an error and calls Flowise’s abort', async () => {
    const controller = new AbortController();
    const prediction = ask('stall', { signal: controller.signal });
    const events: FlowiseEvent[] = [];
    for await (const event of prediction) {
      events.push(event);
      if (events.filter((e) => e.type === 'token').length === 5) controller.abort();
    }
    expect(prediction.status).toBe('stopped');
    await vi.waitFor(() => expect(aborts()).toHaveLength(1));
  });

  it('a flow that fails while running yields its error event; the loop ends normally', async () => {
    const prediction = ask('error-event');
    const events = await collect(prediction);
    expect(events.find((e) => e.type === 'error')?.data).toMatch(/terminated/);
    expect(textOf(events)).toBe(answerTokens(5).join(''));
    expect(prediction.status).toBe('completed');
  });

  it('a failed request throws a typed FlowiseError after the events that came before it', async () => {
    const prediction = ask('drop');
    const events: FlowiseEvent[] = [];
    const failure = await (async () => {
      try {
        for await (const event of prediction) events.push(event);
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(FlowiseError);
    expect(failure).toMatchObject({ kind: 'incomplete' });
    expect(textOf(events)).toBe(answerTokens(5).join(''));
    expect(prediction.status).toBe('failed');
    await expect(collect(ask('http-429'))).rejects.toMatchObject({ kind: 'rate-limited', retryAfterMs: 1000 });
  });

  it('an unknown chatflow fails at once as not-found (the streamable check runs beside the request)', async () => {
    const started = Date.now();
    await expect(collect(ask('unknown-flow'))).rejects.toMatchObject({ kind: 'not-found' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('never puts the API key into an error', async () => {
    const apiKey = 'sk-predict-SECRET-42424242';
    const failure = await collect(ask('http-401', { apiKey })).catch((error: unknown) => error);
    expect(JSON.stringify(failure)).not.toContain(apiKey);
    expect(String((failure as Error).message)).not.toContain(apiKey);
  });
});
