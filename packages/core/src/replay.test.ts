import { describe, expect, it } from 'vitest';
import { lastAnswer } from './test-support/events.js';
import { STORY, readRecording } from './test-support/recordings.js';
import { createReplayFetch } from './replay.js';
import { createChatStore } from './store.js';

describe('createReplayFetch', () => {
  it('plays a real recording through the real transport into the store', async () => {
    const requests: unknown[] = [];
    const store = createChatStore({
      apiHost: 'http://replay.invalid',
      chatflowId: 'x',
      checkStreamable: false,
      fetch: createReplayFetch({
        source: readRecording('retrieval-stream').body,
        onRequest: (_url, body) => requests.push(body),
      }),
    });
    await store.send('Tell me a story');
    const answer = lastAnswer(store.getState());
    expect(answer.text).toBe(STORY);
    expect(answer.sourceDocuments).toHaveLength(1);
    expect(requests).toEqual([expect.objectContaining({ question: 'Tell me a story', streaming: true })]);
  });

  it('paces events and stops when aborted', async () => {
    const store = createChatStore({
      apiHost: '',
      chatflowId: 'x',
      checkStreamable: false,
      batch: 0,
      fetch: createReplayFetch({
        source: Array.from({ length: 50 }, (_, i) => ({ event: 'token', data: `t${i} ` })),
        intervalMs: 10,
      }),
    });
    const done = store.send('Hi');
    await new Promise((resolve) => setTimeout(resolve, 120));
    store.stop();
    await done;
    const answer = lastAnswer(store.getState());
    expect(answer.status).toBe('aborted');
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.text).not.toContain('t49');
  });
});
