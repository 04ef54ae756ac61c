import type { ChatStore } from '@flowise-kit/core';
import { createContext, useContext, type ReactNode } from 'react';

const ChatStoreContext = createContext<ChatStore | null>(null);

/** Props of {@link FlowiseChatProvider}. */
export interface FlowiseChatProviderProps {
  /** The chat store, usually `useFlowisePrediction(...).store`. */
  store: ChatStore;
  /** The components that use the store. */
  children?: ReactNode;
}

/**
 * Makes a chat store available to every component and hook below it, so each can subscribe to its own slice.
 *
 * @example
 * const chat = useFlowisePrediction({ apiHost, chatflowId });
 * return <FlowiseChatProvider store={chat.store}><ChatStream /><SourceList /></FlowiseChatProvider>;
 */
export function FlowiseChatProvider({ store, children }: FlowiseChatProviderProps) {
  return <ChatStoreContext.Provider value={store}>{children}</ChatStoreContext.Provider>;
}

/** The store given explicitly, else the one from the nearest {@link FlowiseChatProvider}. */
export function useChatStore(store?: ChatStore): ChatStore {
  const fromContext = useContext(ChatStoreContext);
  const resolved = store ?? fromContext;
  if (!resolved) {
    throw new Error(
      'flowise-kit: no chat store. Pass a `store` prop or render inside <FlowiseChatProvider store={...}>.',
    );
  }
  return resolved;
}
