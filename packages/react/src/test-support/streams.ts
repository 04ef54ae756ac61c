import {
  createChatStore,
  createReplayFetch,
  type ChatStore,
  type ChatStoreOptions,
  type ReplayEvent,
} from '@flowise-kit/core';

/** Events of an answer: start, `tokens` tokens, then whatever follows, metadata and end. */
export function answerEvents(tokens: number, after: ReplayEvent[] = [], delayMs = 0): ReplayEvent[] {
  return [
    { event: 'start', data: '' },
    ...Array.from({ length: tokens }, (_, i): ReplayEvent => ({ event: 'token', data: `w${i} `, delayMs })),
    ...after,
    { event: 'metadata', data: { chatId: 'chat-1', chatMessageId: `m-${tokens}` } },
    { event: 'end', data: '[DONE]' },
  ];
}

/** A store whose requests are answered by the given events, through the real transport. */
export function replayStore(events: ReplayEvent[], options: Partial<ChatStoreOptions> = {}): ChatStore {
  return createChatStore({
    apiHost: 'http://replay.invalid',
    chatflowId: 'test',
    checkStreamable: false,
    fetch: createReplayFetch({ source: events }),
    ...options,
  });
}

export const SOURCES = [
  { pageContent: 'First document text.', metadata: { source: 'https://example.com/a', title: 'Doc A' } },
  { pageContent: 'x'.repeat(400), metadata: { source: 'javascript:alert(1)' } },
];
export const TOOLS = [{ tool: 'calculator', toolInput: { input: '6*7' }, toolOutput: '42' }];
