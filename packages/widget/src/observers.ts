import type { ChatMessage, ChatStore } from '@flowise-kit/core';
import { useEffect, useRef } from 'react';

/** A message in the shape flowise-embed gives its `observeMessages` observer. */
export interface ObservedMessage {
  /** Flowise's message id, when it gave one. */
  messageId?: string;
  /** The text. */
  message: string;
  /** `userMessage` for a question, `apiMessage` for an answer. */
  type: 'userMessage' | 'apiMessage';
  /** An answer's sources. */
  sourceDocuments?: unknown[];
  /** An answer's tool calls. */
  usedTools?: unknown[];
  /** When it was asked or answered, ISO 8601. */
  dateTime?: string;
}

/** flowise-embed's `observersConfig`: told the typed text, the loading state and the messages as they change. */
export interface Observers {
  /** The text field's content, on every keystroke. */
  observeUserInput?: (text: string) => void;
  /** `true` from sending a question until its answer ends. */
  observeLoading?: (loading: boolean) => void;
  /** The whole conversation, whenever it changes. */
  observeMessages?: (messages: ObservedMessage[]) => void;
}

function observed(message: ChatMessage): ObservedMessage {
  if (message.role === 'user')
    return { message: message.text, type: 'userMessage', dateTime: new Date(message.createdAt).toISOString() };
  const ended = message.timings.endedAt;
  return {
    ...(message.metadata.chatMessageId ? { messageId: message.metadata.chatMessageId } : {}),
    message: message.text,
    type: 'apiMessage',
    sourceDocuments: message.sourceDocuments,
    usedTools: message.usedTools,
    ...(ended ? { dateTime: new Date(ended).toISOString() } : {}),
  };
}

/** Calls the loading and messages observers as the store changes (the latest observers, through a ref). */
export function useObservers(store: ChatStore, observers: Observers | undefined): void {
  const latest = useRef(observers);
  latest.current = observers;
  useEffect(() => {
    let loading: boolean | undefined;
    let messages: unknown;
    const notify = () => {
      const state = store.getState();
      const busy = state.status === 'submitted' || state.status === 'streaming';
      if (busy !== loading) {
        loading = busy;
        latest.current?.observeLoading?.(busy);
      }
      if (state.messages !== messages) {
        messages = state.messages;
        latest.current?.observeMessages?.(state.messages.map(observed));
      }
    };
    notify();
    return store.subscribe(notify);
  }, [store]);
}
