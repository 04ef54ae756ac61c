import { endedFields } from './ended-answer.js';
import type { ChatError } from './errors.js';
import type { FileUpload } from './uploads.js';
import {
  createAssistantMessage,
  isOpenAnswer,
  type AnswerFeedback,
  type AssistantMessage,
  type ChatState,
  type UserMessage,
} from './state.js';

/** What starts a turn: the user's question and the ids of the two messages it creates. */
export interface TurnStart {
  /** The id of the question's message. */
  userMessageId: string;
  /** The id of the answer's message. */
  assistantMessageId: string;
  /** The question's text. */
  question: string;
  /** Uploads sent with the question, kept on the user message. */
  uploads?: FileUpload[];
  /** The start form sent instead of a question, kept on the user message. */
  form?: Record<string, unknown>;
  /** The time of the request, in milliseconds since the epoch. */
  now: number;
}

/** Appends the user's question and an empty answer in `submitted` state. */
export function beginTurn(state: ChatState, turn: TurnStart): ChatState {
  const user: UserMessage = { id: turn.userMessageId, role: 'user', text: turn.question, createdAt: turn.now };
  if (turn.uploads?.length) user.uploads = turn.uploads;
  if (turn.form) user.form = turn.form;
  const answer = createAssistantMessage(turn.assistantMessageId, turn.now);
  const { error: _cleared, ...rest } = state;
  return { ...rest, status: 'submitted', messages: [...state.messages, user, answer] };
}

/** Marks the open answer as queued behind another tab's (`true`) or no longer (`false`). */
export function markQueued(state: ChatState, queued: boolean): ChatState {
  const last = state.messages[state.messages.length - 1];
  if (!isOpenAnswer(last) || Boolean(last.queued) === queued) return state;
  const { queued: _was, ...answer } = last;
  const messages = state.messages.slice();
  messages[messages.length - 1] = queued ? { ...answer, queued } : answer;
  return { ...state, messages };
}

/** The answer `messageId` with its recorded rating (unchanged state when the answer is gone, e.g. after a reset). */
export function withFeedback(state: ChatState, messageId: string, feedback: AnswerFeedback): ChatState {
  const index = state.messages.findIndex((m) => m.id === messageId && m.role === 'assistant');
  if (index < 0) return state;
  const messages = state.messages.slice();
  messages[index] = { ...(messages[index] as AssistantMessage), feedback };
  return { ...state, messages };
}

/** Ends the open answer with an error; its partial text and everything it received stay. */
export function failTurn(state: ChatState, error: ChatError, now: number): ChatState {
  return closeOpenAnswer(state, { status: 'error', error }, now, (m) => ({ ...m, status: 'error', error }));
}

/** Ends the open answer as stopped by the user; its partial text stays. */
export function abortTurn(state: ChatState, now: number): ChatState {
  return closeOpenAnswer(state, { status: 'aborted' }, now, (m) => ({ ...m, status: 'aborted' }));
}

/** Closes the open answer with `patch` and the chat with `chat`; a closed answer is left as it is. */
function closeOpenAnswer(
  state: ChatState,
  chat: Pick<ChatState, 'status' | 'error'>,
  now: number,
  patch: (m: AssistantMessage) => AssistantMessage,
): ChatState {
  const last = state.messages[state.messages.length - 1];
  if (!isOpenAnswer(last)) return state;
  const messages = state.messages.slice();
  const { queued: _queued, ...answer } = last;
  messages[messages.length - 1] = patch({ ...answer, ...endedFields(last, now) });
  return { ...state, ...chat, messages };
}

/**
 * Removes the last turn (its question and answer) so it can be asked again, and returns the question.
 * Used by `retry()`: the new request is a new turn, so nothing of the failed one is sent twice by accident.
 */
export function dropLastTurn(state: ChatState): {
  /** The state without the last turn (unchanged when there is no question). */
  state: ChatState;
  /** The removed question, to ask again. */
  question?: UserMessage;
} {
  const messages = state.messages;
  let userIndex = messages.length - 1;
  while (userIndex >= 0 && messages[userIndex]!.role !== 'user') userIndex--;
  if (userIndex < 0) return { state };
  const question = messages[userIndex] as UserMessage;
  return { state: { ...state, messages: messages.slice(0, userIndex) }, question };
}
