/**
 * Stopping an auto-played answer: Flowise writes `tts_abort` into the prediction stream and closes it, with no
 * `metadata` and no `end` (seen against Flowise 3.1.4 in interop/speech.test.ts). The frames below are its bytes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowiseEvent } from './events.js';
import { createChatStore } from './store.js';
import { lastAnswer, reduceOnto } from './test-support/events.js';

const OWN = 'c2f74eb8-49a6-47e4-bf2a-f07a7aa7bf25';
const spoken = (abortedId: string): FlowiseEvent[] => [
  { type: 'token', data: 'Reply to auto.' },
  { type: 'tts_start', data: { chatMessageId: OWN, format: 'mp3' } },
  { type: 'tts_data', data: { chatMessageId: OWN, audioChunk: '//NAxAAT' } },
  { type: 'tts_abort', data: { chatMessageId: abortedId } },
];

describe('reduce: tts_abort', () => {
  it("of the answer's own speech ends it done, with the id its speech named", () => {
    const answer = lastAnswer(reduceOnto(spoken(OWN)));
    expect(answer).toMatchObject({ status: 'done', text: 'Reply to auto.', metadata: { chatMessageId: OWN } });
    expect(answer.extraEvents.map((e) => e.name)).toEqual(['tts_start', 'tts_data', 'tts_abort']);
  });

  it("of another answer's speech leaves it open (the stream it closes is cut short)", () => {
    expect(lastAnswer(reduceOnto(spoken('another-message'))).status).toBe('streaming');
    expect(lastAnswer(reduceOnto(spoken(OWN).slice(0, 1).concat(spoken(OWN).slice(3)))).status).toBe('streaming');
  });
});

describe('a store whose auto-played answer is stopped (real HTTP)', () => {
  let server: Server;
  let apiHost: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      const aborted = req.url?.includes('other') ? 'another-message' : OWN;
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      for (const [event, data] of [
        ['start', ''],
        ['token', 'Reply to auto.'],
        ['tts_start', { chatMessageId: OWN, format: 'mp3' }],
        ['tts_data', { chatMessageId: OWN, audioChunk: '//NAxAAT' }],
        ['tts_abort', { chatMessageId: aborted }],
      ] as const) {
        res.write(`message:\ndata:${JSON.stringify({ event, data })}\n\n`);
      }
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('keeps the whole answer, done, when its own speech was stopped', async () => {
    const store = createChatStore({ apiHost, chatflowId: 'own', checkStreamable: false });
    await store.send('Speak');
    expect(store.getState()).toMatchObject({ status: 'done' });
    expect(store.getState().error).toBeUndefined();
    expect(store.getState().messages.at(-1)).toMatchObject({
      status: 'done',
      text: 'Reply to auto.',
      metadata: { chatMessageId: OWN },
    });
  });

  it('calls the stream cut short when the abort was for another answer', async () => {
    const store = createChatStore({ apiHost, chatflowId: 'other', checkStreamable: false });
    await store.send('Speak');
    expect(store.getState().messages.at(-1)).toMatchObject({
      status: 'error',
      text: 'Reply to auto.',
      error: { kind: 'incomplete' },
    });
  });
});
