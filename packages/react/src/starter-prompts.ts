import type { ChatStore } from '@flowise-kit/core';
import { useMemo } from 'react';
import { useChatbotConfig } from './chatbot-config.js';

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
  const { prompts, chatflowId, reloadKey, store } = options;
  const config = useChatbotConfig({
    enabled: !prompts,
    ...(chatflowId === undefined ? {} : { chatflowId }),
    ...(store ? { store } : {}),
    reloadKey,
  });
  const loaded = useMemo(() => {
    const list = Object.values(config?.starterPrompts ?? {}).map((entry) => entry.prompt);
    return list.filter((prompt): prompt is string => typeof prompt === 'string' && prompt !== '');
  }, [config]);
  return prompts ?? (config ? loaded : NONE);
}
