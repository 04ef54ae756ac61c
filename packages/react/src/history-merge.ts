import { isOpenAnswer, type ChatMessage, type ChatState } from '@flowise-kit/core';

/**
 * Of two versions of one message, the one that knows more wins: done over failed over stopped over still open. (A tab
 * that loaded while another was answering shows that answer as stopped until the other tab saves it done.)
 */
const RANK: Record<string, number> = { done: 3, error: 2, aborted: 1 };
const rank = (message: ChatMessage) => (message.role === 'user' ? 3 : (RANK[message.status] ?? 0));

/**
 * The history another tab saved for this conversation, merged into ours: its order, then our messages it lacks.
 * A message both have keeps the more settled version (ours on a tie). Another tab's open turn (a question still being
 * answered there) is left out: that tab saves it again, answered, when it ends. Returns `ours` itself when nothing
 * changes, so a caller can skip the update.
 */
export function mergeHistory(ours: ChatMessage[], saved: readonly ChatMessage[]): ChatMessage[] {
  const mine = new Map(ours.map((message) => [message.id, message]));
  const theirs = saved.filter((message, index) => {
    if (mine.has(message.id)) return true;
    const next = saved[index + 1];
    const openThere =
      isOpenAnswer(message) || (message.role === 'user' && next && !mine.has(next.id) && isOpenAnswer(next));
    return !openThere;
  });
  const merged = theirs.map((message) => {
    const own = mine.get(message.id);
    return own && rank(own) >= rank(message) ? own : message;
  });
  const known = new Set(theirs.map((message) => message.id));
  for (const message of ours) if (!known.has(message.id)) merged.push(message);
  const same = merged.length === ours.length && merged.every((message, index) => message === ours[index]);
  return same ? ours : merged;
}

/**
 * What this tab shows after another tab saved (`saved`) or cleared (`undefined`) the conversation, or `undefined` when
 * nothing changes. Another conversation (a new chatId: that tab cleared it, or started it) is adopted without a turn
 * still open there.
 */
export function adoptSaved(state: ChatState, saved: Partial<ChatState> | undefined): Partial<ChatState> | undefined {
  if (!saved) return state.messages.length ? { messages: [] } : undefined;
  if (saved.chatId !== state.chatId) return { ...saved, messages: mergeHistory([], saved.messages ?? []) };
  const messages = mergeHistory(state.messages, saved.messages ?? []);
  if (messages === state.messages) return undefined;
  const last = messages.at(-1);
  const status = last?.role === 'assistant' ? last.status : state.status;
  return state.chatId ? { chatId: state.chatId, messages, status } : { messages, status };
}
