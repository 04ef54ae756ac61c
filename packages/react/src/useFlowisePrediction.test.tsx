import { createReplayFetch, type ChatState } from '@flowise-kit/core';
import { act, render, renderHook } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PersistenceAdapter } from './persistence.js';
import { answerEvents } from './test-support/streams.js';
import { useFlowisePrediction, type UseFlowisePredictionOptions } from './useFlowisePrediction.js';

const base = (events = answerEvents(5)): UseFlowisePredictionOptions => ({
  apiHost: 'http://replay.invalid',
  chatflowId: 'x',
  checkStreamable: false,
  fetch: createReplayFetch({ source: events }),
});

describe('useFlowisePrediction', () => {
  it('streams into messages and status; functions and store keep their identity across renders', async () => {
    const { result, rerender } = renderHook((props: UseFlowisePredictionOptions) => useFlowisePrediction(props), {
      initialProps: base(),
    });
    const first = result.current;
    await act(() => result.current.send('Hi'));
    expect(result.current.status).toBe('done');
    expect(result.current.messages).toHaveLength(2);
    rerender({ ...base(), onEnd: () => undefined });
    for (const key of ['send', 'stop', 'retry', 'reset', 'store'] as const)
      expect(result.current[key]).toBe(first[key]);
  });

  it('calls the latest callback without recreating the store', async () => {
    const a = vi.fn();
    const b = vi.fn();
    const { result, rerender } = renderHook((props: UseFlowisePredictionOptions) => useFlowisePrediction(props), {
      initialProps: { ...base(), onEnd: a },
    });
    const store = result.current.store;
    rerender({ ...base(), onEnd: b });
    await act(() => result.current.send('Hi'));
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledOnce();
    expect(result.current.store).toBe(store);
  });

  it('unmounting aborts the open stream (and StrictMode does not break the store)', async () => {
    let store!: ReturnType<typeof useFlowisePrediction>['store'];
    function Owner() {
      store = useFlowisePrediction(base(answerEvents(500, [], 5))).store;
      return null;
    }
    const view = render(
      <StrictMode>
        <Owner />
      </StrictMode>,
    );
    let sending!: Promise<void>;
    act(() => {
      sending = store.send('Hi');
    });
    await vi.waitFor(() => expect(store.getState().status).toBe('streaming'));
    view.unmount();
    await sending;
    expect(store.getState().status).toBe('aborted');
  });

  it('starts from initialMessages', () => {
    const { result } = renderHook(() =>
      useFlowisePrediction({ ...base(), initialMessages: [{ id: 'u', role: 'user', text: 'Earlier', createdAt: 1 }] }),
    );
    expect(result.current.messages.map((m) => m.id)).toEqual(['u']);
  });

  it('persists the conversation under persistKey and restores it on mount', async () => {
    const saved = new Map<string, Partial<ChatState>>();
    const persistence: PersistenceAdapter = {
      load: (key) => saved.get(key),
      save: (key, state) =>
        void saved.set(
          key,
          JSON.parse(JSON.stringify({ chatId: state.chatId, messages: state.messages })) as Partial<ChatState>,
        ),
      remove: (key) => void saved.delete(key),
    };
    const first = renderHook(() => useFlowisePrediction({ ...base(), persistKey: 'k', persistence }));
    await act(() => first.result.current.send('Remember me'));
    first.unmount();
    expect(saved.get('k')?.messages).toHaveLength(2);
    const second = renderHook(() => useFlowisePrediction({ ...base(), persistKey: 'k', persistence }));
    expect(second.result.current.messages.map((m) => (m.role === 'user' ? m.text : m.status))).toEqual([
      'Remember me',
      'done',
    ]);
    expect(second.result.current.store.getState().chatId).toBe('chat-1');
  });

  it('uses localStorage by default', async () => {
    localStorage.clear();
    const { result } = renderHook(() => useFlowisePrediction({ ...base(), persistKey: 'fk-test' }));
    await act(() => result.current.send('Saved'));
    expect(JSON.parse(localStorage.getItem('fk-test')!).messages).toHaveLength(2);
  });
});

describe('useFlowisePrediction options', () => {
  it('removing the apiKey prop stops sending it', async () => {
    const requests: RequestInit[] = [];
    const replay = createReplayFetch({ source: answerEvents(1) });
    const fetch: typeof globalThis.fetch = (input, init) => {
      requests.push(init ?? {});
      return replay(input, init);
    };
    const { result, rerender } = renderHook((props: UseFlowisePredictionOptions) => useFlowisePrediction(props), {
      initialProps: { ...base(), fetch, apiKey: 'secret' } as UseFlowisePredictionOptions,
    });
    await act(() => result.current.send('One'));
    rerender({ ...base(), fetch });
    await act(() => result.current.send('Two'));
    expect((requests[0]!.headers as Record<string, string>).Authorization).toBe('Bearer secret');
    expect((requests[1]!.headers as Record<string, string>).Authorization).toBeUndefined();
  });
});
