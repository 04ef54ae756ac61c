import { isOpenAnswer, type ChatMessage, type ChatStatus, type ChatStore } from '@flowise-kit/core';
import { useClientLayoutEffect } from './client-layout-effect.js';
import { adoptSaved, mergeHistory } from './history-merge.js';
import type { PersistenceAdapter } from './persistence.js';

/**
 * Restores the conversation saved under `persistKey`, saves it when a turn starts or ends (not per token), and keeps
 * tabs of one conversation in step: a save merges what another tab saved meanwhile (its turns stay), and another
 * tab's save is shown here when this tab is not answering (a turn of ours merges it when it ends).
 */
export function usePersistence(store: ChatStore, persistKey: string | undefined, adapter: PersistenceAdapter): void {
  useClientLayoutEffect(() => {
    if (!persistKey) return;
    const saved = adapter.load(persistKey);
    if (saved) store.hydrate(saved);

    const adopt = () => {
      const state = store.getState();
      if (isOpenAnswer(state.messages.at(-1))) return;
      const next = adoptSaved(state, adapter.load(persistKey));
      if (next) store.hydrate(next);
    };
    let lastSaved: { messages: ChatMessage[]; status: ChatStatus } | undefined;
    const unsubscribe = store.subscribe((state) => {
      const settled = state.status !== 'streaming';
      if (!settled || (lastSaved?.messages === state.messages && lastSaved.status === state.status)) return;
      lastSaved = { messages: state.messages, status: state.status };
      if (state.messages.length === 0) return adapter.remove(persistKey);
      const theirs = adapter.load(persistKey);
      const messages =
        theirs && theirs.chatId === state.chatId ? mergeHistory(state.messages, theirs.messages ?? []) : state.messages;
      adapter.save(persistKey, messages === state.messages ? state : { ...state, messages });
      // Show the merged history once this turn has handed the store back (after the current update).
      if (messages !== state.messages) queueMicrotask(adopt);
    });
    const stopWatching = adapter.subscribe?.(persistKey, adopt);
    return () => {
      unsubscribe();
      stopWatching?.();
    };
  }, [store, persistKey, adapter]);
}
