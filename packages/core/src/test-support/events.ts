import { createEventParser } from '../sse.js';
import type { FlowiseEvent } from '../events.js';
import { beginTurn } from '../turn.js';
import { initialChatState, type AssistantMessage, type ChatState } from '../state.js';
import { reduce } from '../reducer.js';

/** Decodes bytes fed in the given chunks. */
export function parseChunks(chunks: readonly Uint8Array[]): FlowiseEvent[] {
  const events: FlowiseEvent[] = [];
  const feed = createEventParser((event) => events.push(event));
  for (const chunk of chunks) feed(chunk);
  return events;
}

/** A state with one question asked and its answer open. */
export function askedState(question = 'Tell me a story'): ChatState {
  return beginTurn(initialChatState({ chatId: 'local-chat-id' }), {
    userMessageId: 'u1',
    assistantMessageId: 'a1',
    question,
    now: 1,
  });
}

/** Reduces events one by one onto {@link askedState}. */
export function reduceOnto(events: readonly FlowiseEvent[], state = askedState()): ChatState {
  return events.reduce((s, e, i) => reduce(s, e, 100 + i), state);
}

/** The last message as an answer (throws if it is not one). */
export function lastAnswer(state: ChatState): AssistantMessage {
  const last = state.messages.at(-1);
  if (last?.role !== 'assistant') throw new Error('the last message is not an answer');
  return last;
}

/** Splits bytes into chunks of random sizes, using a seeded generator. */
export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.max(0, Math.min(bytes.length, c))))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}
