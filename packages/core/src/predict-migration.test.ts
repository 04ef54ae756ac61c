/**
 * The migration from flowise-sdk, as the core README shows it: the same question through flowise-sdk 1.0.9's
 * `createPrediction` and through `predict`, against the mock Flowise server, yields the same stream.
 */
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import * as sdk from 'flowise-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predict } from './predict.js';

/**
 * flowise-sdk is CommonJS and defines `FlowiseClient` with a getter, which Node's ESM loader cannot see as a named
 * export (`import { FlowiseClient } from 'flowise-sdk'` fails in Node ESM); here it is read from the module object.
 */
type SdkClient = new (options: { baseUrl: string }) => {
  createPrediction(data: Record<string, unknown>): Promise<unknown>;
};
type SdkModule = { FlowiseClient?: SdkClient; default?: { FlowiseClient?: SdkClient } };
const FlowiseClient = ((sdk as SdkModule).FlowiseClient ?? (sdk as SdkModule).default?.FlowiseClient)!;

let mock: MockFlowise;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, rate: 0, tokens: 15 });
});
afterAll(() => mock.close());

describe('from flowise-sdk createPrediction to predict', () => {
  it.each(['plain', 'sources', 'tools', 'agentflow'])(
    '%s: the same events, in order, with the same data',
    async (flow) => {
      const client = new FlowiseClient({ baseUrl: mock.url });
      const theirs: { event: string; data: unknown }[] = [];
      const stream = (await client.createPrediction({
        chatflowId: flow,
        question: 'Hi',
        streaming: true,
      })) as AsyncIterable<{
        event: string;
        data: unknown;
      }>;
      for await (const chunk of stream) theirs.push(chunk);

      const ours: { event: string; data: unknown }[] = [];
      for await (const event of predict({ apiHost: mock.url, chatflowId: flow, question: 'Hi' })) {
        ours.push({ event: event.type, data: 'data' in event ? event.data : undefined });
      }

      expect(ours.map((e) => e.event)).toEqual(theirs.map((e) => e.event));
      const text = (list: { event: string; data: unknown }[]) =>
        list.filter((e) => e.event === 'token').map((e) => e.data);
      expect(text(ours)).toEqual(text(theirs));
      // Payloads are the same data; ours are typed (sources and tool calls normalised to their declared shape).
      for (const name of ['sourceDocuments', 'usedTools']) {
        const a = ours.find((e) => e.event === name)?.data;
        const b = theirs.find((e) => e.event === name)?.data;
        if (b !== undefined) expect(a).toMatchObject(b as object);
      }
    },
  );

  it('a non-streaming chatflow: flowise-sdk returns the JSON, predict yields the same answer as events', async () => {
    const client = new FlowiseClient({ baseUrl: mock.url });
    const json = (await client.createPrediction({ chatflowId: 'json', question: 'Hi' })) as { text: string };
    let text = '';
    for await (const event of predict({ apiHost: mock.url, chatflowId: 'json', question: 'Hi' })) {
      if (event.type === 'token') text += event.data;
    }
    expect(text).toBe(json.text);
  });
});
