import type { ChatState, ChatStore, UploadsConfig } from '@flowise-kit/core';
import { useEffect } from 'react';
import { useChatStore } from './context.js';
import { useChatSelector } from './selectors.js';

/** The chatflow's uploads config once the store has loaded it (`undefined` before). */
export function selectUploadsConfig(state: ChatState): UploadsConfig | undefined {
  return state.uploadsConfig;
}

/**
 * What the chatflow accepts besides text (images, files, speech) and whether it reads answers aloud. Asks the store
 * to load it (once per store: `loadUploadsConfig()`), then follows the state. `undefined` while it loads and when it
 * cannot be read: a UI then offers text only.
 *
 * @example
 * const uploads = useUploadsConfig();
 * const canAttachImages = uploads?.isImageUploadAllowed === true;
 */
export function useUploadsConfig(store?: ChatStore): UploadsConfig | undefined {
  const resolved = useChatStore(store);
  const config = useChatSelector(selectUploadsConfig, Object.is, resolved);
  const missing = config === undefined;
  useEffect(() => {
    // Again after the store's chatflow or server changed (it drops the config then).
    if (missing) resolved.loadUploadsConfig().catch(() => undefined);
  }, [resolved, missing]);
  return config;
}
