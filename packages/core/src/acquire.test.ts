/** The store's `acquire` option: a question queued behind another answer on the same chatId, over real HTTP. */
import { answerTokens } from '@flowise-kit/mock-server';
import { describe, expect, it, vi } from 'vitest';
import type { ChatStoreOptions } from './store-types.js';
import { lastAnswer } from './test-support/events.js';
import { useMockStores } from './test-support/mock-stores.js';

const { mock, chat } = useMockStores({ rate: 0, tokens: 20 });
const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 5000, interval: 5 });
const aborts = () => mock().requests.filter((r) => r.path.includes('/chatmessage/abort/'));

/** A gate the test opens by hand, as another tab's answer ending would. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const released = vi.fn();
  const acquire: NonNullable<ChatStoreOptions['acquire']> = (_chatId, signal, onWait) => {
    onWait();
    return new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError')), { once: true });
      void opened.then(() => resolve(released));
    });
  };
  return { acquire, open, released };
}

/** One lock per chatId, first come first served, as Web Locks gives tabs of one origin. */
function sharedLock(): NonNullable<ChatStoreOptions['acquire']> {
  const tails = new Map<string, Promise<void>>();
  return async (chatId, _signal, onWait) => {
    const before = tails.get(chatId);
    let release: () => void = () => undefined;
    tails.set(chatId, new Promise<void>((resolve) => (release = resolve)));
    if (before) {
      onWait();
      await before;
    }
    return release;
  };
}

describe('acquire: one answer at a time per conversation', () => {
  it('a queued question shows as queued, sends nothing until let go, then streams once', async () => {
    const { acquire, open, released } = gate();
    const store = chat('plain', { acquire });
    const done = store.send('Wait your turn');
    await until(() => lastAnswer(store.getState()).queued === true);
    expect(lastAnswer(store.getState()).status).toBe('submitted');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mock().predictions()).toHaveLength(0);
    open();
    await done;
    expect(lastAnswer(store.getState())).toMatchObject({ status: 'done', text: answerTokens(20).join('') });
    expect(lastAnswer(store.getState()).queued).toBeUndefined();
    expect(mock().predictions()).toHaveLength(1);
    expect(released).toHaveBeenCalledTimes(1);
  });

  it('Stop while queued: the answer is stopped, nothing is sent, and no abort stops the other answer', async () => {
    const { acquire } = gate();
    const store = chat('plain', { acquire });
    const done = store.send('Never mind');
    await until(() => lastAnswer(store.getState()).queued === true);
    store.stop();
    await done;
    expect(lastAnswer(store.getState())).toMatchObject({ status: 'aborted' });
    expect(lastAnswer(store.getState()).queued).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mock().predictions()).toHaveLength(0);
    expect(aborts()).toHaveLength(0);
    // The store is free again.
    store.configure({ acquire: undefined });
    await store.send('Now');
    expect(lastAnswer(store.getState()).status).toBe('done');
  });

  it('two stores on one chatId never stream at once: the second starts after the first has ended', async () => {
    const acquire = sharedLock();
    const slow = { overrideConfig: { mock: { rate: 100, tokens: 20 } } };
    const a = chat('plain', { acquire, chatId: 'shared-1' });
    const b = chat('plain', { acquire, chatId: 'shared-1' });
    const first = a.send('First', slow);
    await until(() => lastAnswer(a.getState()).status === 'streaming');
    const second = b.send('Second', slow);
    await until(() => lastAnswer(b.getState()).queued === true);
    let ended = 0;
    await first.then(() => (ended = Date.now()));
    await second;
    expect([lastAnswer(a.getState()).status, lastAnswer(b.getState()).status]).toEqual(['done', 'done']);
    const [p1, p2] = mock().predictions();
    expect(mock().predictions()).toHaveLength(2);
    expect((p2!.body as { question: string }).question).toBe('Second');
    expect(p2!.receivedAt).toBeGreaterThanOrEqual(ended - 5);
    expect((p1!.body as { chatId: string }).chatId).toBe('shared-1');
  });
});
