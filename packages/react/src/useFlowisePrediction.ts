import {
  createChatStore,
  type ChatError,
  type ChatMessage,
  type ChatStatus,
  type ChatStore,
  type ChatStoreOptions,
  type SendOptions,
} from '@flowise-kit/core';
import { useEffect, useRef, useState } from 'react';
import { useClientLayoutEffect } from './client-layout-effect.js';
import { useStore } from 'zustand';
import { localStorageAdapter, type PersistenceAdapter } from './persistence.js';
import { lockAcrossTabs } from './tab-lock.js';
import { usePersistence } from './usePersistence.js';

/** Options of {@link useFlowisePrediction}: the core store's options plus history and persistence. */
export interface UseFlowisePredictionOptions extends Omit<ChatStoreOptions, 'initialState'> {
  /** Use this store instead of creating one (its owner disposes it; unmounting does not stop it). */
  store?: ChatStore;
  /** Messages to start with (ignored when persisted history is found). */
  initialMessages?: ChatMessage[];
  /** Persist the conversation under this key (chatId and messages), restored on mount. */
  persistKey?: string;
  /** Where to persist; default `localStorage`. */
  persistence?: PersistenceAdapter;
}

/** What {@link useFlowisePrediction} returns. The functions keep their identity across renders. */
export interface UseFlowisePredictionResult {
  /** Questions and answers, oldest first (re-renders the caller while an answer streams). */
  messages: ChatMessage[];
  /** The latest turn's status. */
  status: ChatStatus;
  /** The latest turn's error, if it failed. */
  error: ChatError | undefined;
  /** Asks a question; resolves when the turn ends, never rejects (the store's `send`). */
  send: (question: string, options?: SendOptions) => Promise<void>;
  /** Stops the open answer, keeping its partial text, and asks Flowise to stop generating. */
  stop: () => void;
  /** Asks the last question again, replacing the failed or stopped answer. */
  retry: () => Promise<void>;
  /** Stops any open answer and starts a new conversation (a persisted one is cleared). */
  reset: () => void;
  /** The store, for {@link FlowiseChatProvider}, the selector hooks and the components. */
  store: ChatStore;
}

/**
 * Streams Flowise predictions into a chat store owned by this component.
 *
 * The store is created once; new option values (callbacks, apiKey, overrideConfig …) are applied without
 * recreating it or restarting a stream. Unmounting aborts an open stream. The component that calls this re-renders
 * when `messages`, `status` or `error` change (at most once per 50 ms while streaming); components that only need a
 * slice
 * should read it through {@link FlowiseChatProvider} and the selector hooks instead.
 *
 * @example
 * const { messages, status, send, stop } = useFlowisePrediction({ apiHost: 'http://localhost:3000', chatflowId: 'abc'
 * });
 */
export function useFlowisePrediction(options: UseFlowisePredictionOptions): UseFlowisePredictionResult {
  const latest = useRef(options);
  const [owned] = useState(() => (options.store ? undefined : createOwnedStore(options, latest)));
  const store = options.store ?? owned!;

  useEffect(() => {
    latest.current = options;
  });

  const {
    apiHost,
    apiKey,
    headers,
    overrideConfig,
    chatflowId,
    streaming,
    batch,
    firstByteTimeoutMs,
    idleTimeoutMs,
    fetch,
    ragUploads,
  } = options;
  // A layout effect: it runs before every passive effect, so a child that calls the store in its own effect (loads
  // the chatbot config, sends a question) already talks to the new chatflow and connection.
  useClientLayoutEffect(() => {
    if (!owned) return;
    // Undefined is passed on: removing a prop (an API key, a custom fetch) must unset it, not keep the old value.
    owned.configure({
      apiHost,
      apiKey,
      headers,
      overrideConfig,
      chatflowId,
      streaming,
      batch,
      firstByteTimeoutMs,
      idleTimeoutMs,
      fetch,
      ragUploads,
    });
  }, [
    owned,
    apiHost,
    apiKey,
    headers,
    overrideConfig,
    chatflowId,
    streaming,
    batch,
    firstByteTimeoutMs,
    idleTimeoutMs,
    fetch,
    ragUploads,
  ]);

  usePersistence(store, options.persistKey, options.persistence ?? localStorageAdapter);

  // Unmounting aborts the stream this component owns (StrictMode's rehearsal unmount has none open).
  useEffect(() => () => owned?.stop(), [owned]);

  const messages = useStore(store, (s) => s.messages);
  const status = useStore(store, (s) => s.status);
  const error = useStore(store, (s) => s.error);
  return { messages, status, error, send: store.send, stop: store.stop, retry: store.retry, reset: store.reset, store };
}

function createOwnedStore(
  options: UseFlowisePredictionOptions,
  latest: { current: UseFlowisePredictionOptions },
): ChatStore {
  const { store: _store, initialMessages, persistKey: _key, persistence: _persistence, ...rest } = options;
  return createChatStore({
    // Tabs of one persisted conversation share its chatId: one answer at a time (an app may pass its own).
    acquire: lockAcrossTabs,
    ...rest,
    ...(initialMessages ? { initialState: { messages: initialMessages } } : {}),
    // Callbacks go through the latest options, so a new callback prop never recreates the store.
    onEvent: (event) => latest.current.onEvent?.(event),
    onToken: (token) => latest.current.onToken?.(token),
    onEnd: (message) => latest.current.onEnd?.(message),
    onError: (error) => latest.current.onError?.(error),
  });
}
