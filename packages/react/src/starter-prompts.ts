import type { ChatStore } from '@flowise-kit/core';
import { useEffect, useState } from 'react';
import { useChatStore } from './context.js';

/** Options of {@link useStarterPrompts}. */
export interface UseStarterPromptsOptions {
  /** Prompts of your own: used as they are, nothing is fetched. */
  prompts?: readonly string[] | undefined;
  /** The chatflow the store talks to: when it changes, its prompts are loaded again. */
  chatflowId?: string;
  /** The store; defaults to the one from `FlowiseChatProvider`. */
  store?: ChatStore;
}

const NONE: readonly string[] = [];

/**
 * The questions to offer before the first one: `prompts` when given, else the chatflow's starter prompts from its
 * public chatbot config (the store's `loadChatbotConfig()`, fetched once per chatflow). A chatflow without a public
 * config has none: the list is then empty, never an error.
 *
 * @example
 * const prompts = useStarterPrompts();
 * return prompts.map((prompt) => <button key={prompt} onClick={() => void store.send(prompt)}>{prompt}</button>);
 */
export function useStarterPrompts(options: UseStarterPromptsOptions = {}): readonly string[] {
  const store = useChatStore(options.store);
  const { prompts, chatflowId } = options;
  const [loaded, setLoaded] = useState<readonly string[]>(NONE);
  useEffect(() => {
    if (prompts) return;
    let live = true;
    store.loadChatbotConfig().then(
      (config) => {
        const list = Object.values(config.starterPrompts ?? {}).map((entry) => entry.prompt);
        if (live) setLoaded(list.filter((prompt): prompt is string => typeof prompt === 'string' && prompt !== ''));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [prompts, store, chatflowId]);
  return prompts ?? loaded;
}
