import type { ChatMessage, ChatState } from '@flowise-kit/core';

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
    const target = storage();
    if (!target) return;
    const chatId = state.chatId ? { chatId: state.chatId } : {};
    let messages = withoutUploadData(state.messages);
    // A full quota keeps the newest turns that fit: the conversation on screen loses nothing, and the page never
    // breaks for it. Said once per page, as a warning.
    for (;;) {
      try {
        target.setItem(key, JSON.stringify({ ...chatId, messages, status: state.status }));
        return;
      } catch {
        if (messages.length <= 2) return warnOnce(key, 'could not be saved');
        messages = messages.slice(2);
        warnOnce(key, 'is too large for the storage quota: its oldest turns are not saved');
      }
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

/**
 * The messages as saved: an upload's inline data (a base64 `data:` URL, megabytes for a photo) is left out and its
 * name, type and any URL are kept, as flowise-embed does; so is the audio an answer streamed (`tts_data`). The store
 * keeps both for the session.
 */
export function withoutUploadData(messages: ChatMessage[]): ChatMessage[] {
  return messages.map((message) => {
    if (message.role === 'assistant') {
      // A history saved by an older version may lack the field.
      if (!(message.extraEvents ?? []).some((event) => event.name === 'tts_data')) return message;
      return { ...message, extraEvents: message.extraEvents.filter((event) => event.name !== 'tts_data') };
    }
    if (!message.uploads?.length) return message;
    const uploads = message.uploads.map((upload) => {
      if (typeof upload !== 'object' || upload === null) return upload;
      const { data, ...rest } = upload;
      return typeof data === 'string' && data.startsWith('data:') ? rest : upload;
    });
    return { ...message, uploads };
  });
}

const warned = new Set<string>();
function warnOnce(key: string, what: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`flowise-kit: the conversation saved under "${key}" ${what}.`);
}

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}
