import { startFormOf, type ChatbotConfig, type ChatStore, type StartFormSpec } from '@flowise-kit/core';
import { useEffect, useMemo, useState } from 'react';
import { useChatStore } from './context.js';

/** Options of {@link useChatbotConfig}. */
export interface UseChatbotConfigOptions {
  /** Whose config; default the store's chatflow. Pass it when it can change: the config follows it. */
  chatflowId?: string;
  /** When this value changes the config is loaded again: e.g. the API host after the store's `configure()`. */
  reloadKey?: unknown;
  /** The store; defaults to the one from `FlowiseChatProvider`. */
  store?: ChatStore;
  /** `false` loads nothing (the caller has what it needs). Default true. */
  enabled?: boolean;
}

/**
 * The chatflow's public chatbot config (starter prompts, feedback, lead capture, follow-ups, uploads …) through the
 * store's `loadChatbotConfig()`, fetched once per chatflow and shared. `undefined` while it loads, and when the
 * chatflow has none or it cannot be read: a UI then offers only what needs no config, never an error.
 *
 * @example
 * const config = useChatbotConfig();
 * const canRate = config?.chatFeedback?.status === true;
 */
export function useChatbotConfig(options: UseChatbotConfigOptions = {}): ChatbotConfig | undefined {
  const store = useChatStore(options.store);
  const { chatflowId, reloadKey, enabled = true } = options;
  const [config, setConfig] = useState<ChatbotConfig>();
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setConfig(undefined); // another chatflow's config must not stay while (or if) this one's fails to load
    store.loadChatbotConfig(chatflowId).then(
      (loaded) => {
        if (live) setConfig(loaded);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [enabled, store, chatflowId, reloadKey]);
  return enabled ? config : undefined;
}

/**
 * The start form of the store's agentflow (its Start node set to "Form Input"), from the chatbot config; `undefined`
 * while the config loads and for flows that start with a question. Show it before the first question and send it with
 * `store.send(.., { form: values })`: the `StartForm` component does both.
 *
 * @example
 * const form = useStartForm();
 */
export function useStartForm(options: UseChatbotConfigOptions = {}): StartFormSpec | undefined {
  const config = useChatbotConfig(options);
  return useMemo(() => startFormOf(config), [config]);
}
