import type { ChatStore } from '@flowise-kit/core';
import { useEffect, useState } from 'react';
import { useChatStore } from './context.js';

/** Options of {@link useStarterPrompts}. */
export interface UseStarterPromptsOptions {
  /** Prompts of your own: used as they are, nothing is fetched. */
  prompts?: readonly string[] | undefined;
  /** Whose prompts to load; default the store's chatflow. Pass it when it can change: they follow it. */
  chatflowId?: string;
  /** When this value changes the prompts are loaded again: e.g. the API host after the store's `configure()`. */
  reloadKey?: unknown;
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
  const { prompts, chatflowId, reloadKey } = options;
  const [loaded, setLoaded] = useState<readonly string[]>(NONE);
  useEffect(() => {
    if (prompts) return;
    let live = true;
    setLoaded(NONE); // another chatflow's prompts must not stay up while (or if) this one's fail to load
    store.loadChatbotConfig(chatflowId).then(
      (config) => {
        const list = Object.values(config.starterPrompts ?? {}).map((entry) => entry.prompt);
        if (live) setLoaded(list.filter((prompt): prompt is string => typeof prompt === 'string' && prompt !== ''));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [prompts, store, chatflowId, reloadKey]);
  return prompts ?? loaded;
}
