import type { ChatState } from '@flowise-kit/core';

/** Where a conversation is saved between visits. */
export interface PersistenceAdapter {
  /** The saved conversation, or `undefined` when there is none (or it cannot be read). Called after mount. */
  load(key: string): Partial<ChatState> | undefined;
  /** Saves the conversation; called when a turn starts or ends, not per token. */
  save(key: string, state: ChatState): void;
  /** Forgets the conversation, when it has become empty (after `reset()`). */
  remove(key: string): void;
  /**
   * Calls `onChange` when another tab saved or removed the conversation under `key`; returns the unsubscribe. Optional:
   * without it, tabs do not see each other's turns until a reload.
   */
  subscribe?(key: string, onChange: () => void): () => void;
}

/**
 * Saves `chatId` and `messages` in `localStorage`, and hears other tabs' saves (the `storage` event). Every access is guarded: no storage on the server, in a
 * sandboxed iframe or with storage disabled simply means nothing is persisted.
 */
export const localStorageAdapter: PersistenceAdapter = {
  load(key) {
    const raw = storage()?.getItem(key);
    if (!raw) return undefined;
    try {
      const saved = JSON.parse(raw) as Partial<ChatState>;
      return Array.isArray(saved.messages) ? saved : undefined;
    } catch {
      return undefined;
    }
  },
  save(key, state) {
    const saved: Partial<ChatState> = { messages: state.messages, status: state.status };
    if (state.chatId) saved.chatId = state.chatId;
    try {
      storage()?.setItem(key, JSON.stringify(saved));
    } catch {
      // quota exceeded or storage disabled: keep chatting without persistence
    }
  },
  remove(key) {
    try {
      storage()?.removeItem(key);
    } catch {
      // ignore
    }
  },
  subscribe(key, onChange) {
    if (typeof window === 'undefined') return () => undefined;
    // `storage` events come only from other tabs of this origin, never from this tab's own writes.
    const listener = (event: StorageEvent) => {
      if (event.key === key || event.key === null) onChange();
    };
    window.addEventListener('storage', listener);
    return () => window.removeEventListener('storage', listener);
  },
};

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}
