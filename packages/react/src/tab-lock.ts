import type { ChatStoreOptions } from '@flowise-kit/core';

/**
 * One answer at a time per conversation across the tabs of a site, for the store's `acquire` option (the hook's
 * stores use it by default). A question asked while another tab is answering on the same chatId waits for that answer
 * to end and shows as queued; Stop cancels the wait and nothing is sent. Two predictions on one chatId would break
 * each other in Flowise, and two tabs of one persisted conversation share its chatId.
 *
 * It holds a Web Lock named after the chatId for as long as the answer streams. Without the Web Locks API (server
 * rendering, tests, browsers older than 2022) every question goes at once, as before. There is deliberately no
 * BroadcastChannel or storage-event fallback: the only browsers with those and without Web Locks (Safari 15.0–15.3)
 * are out of support, and a lock built from messages has races of its own.
 *
 * @example
 * const store = createChatStore({ apiHost, chatflowId, chatId: savedChatId, acquire: lockAcrossTabs });
 */
export const lockAcrossTabs: NonNullable<ChatStoreOptions['acquire']> = (chatId, signal, onWait) => {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return Promise.resolve(() => undefined);
  const name = `flowise-kit:chat:${chatId}`;
  return new Promise((resolve, reject) => {
    let held = false;
    // The lock is held until the store calls the release it was given (when the answer has ended).
    const hold = () => {
      held = true;
      return new Promise<void>((release) => resolve(() => release()));
    };
    locks
      .request(name, { ifAvailable: true }, (lock) => (lock ? hold() : null))
      .then(() => {
        if (held) return;
        onWait();
        return locks.request(name, { signal }, hold);
      })
      .catch(reject);
  });
};
