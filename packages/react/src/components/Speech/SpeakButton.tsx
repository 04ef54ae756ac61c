import type { AssistantMessage, ChatStore } from '@flowise-kit/core';
import { useChatSelector } from '../../selectors.js';
import { selectUploadsConfig } from '../../uploads-config.js';
import { useLabels, type Labels } from '../../labels.js';
import { useSpeech } from './useSpeech.js';

/** Read aloud / Stop on a finished answer, when the chatflow has text to speech and Flowise gave the answer an id. */
export function SpeakButton({
  message,
  store,
  labels: own,
}: {
  message: AssistantMessage;
  store?: ChatStore | undefined;
  labels?: Pick<Labels, 'speak' | 'stopSpeaking'>;
}) {
  const inherited = useLabels();
  const labels = own ?? inherited;
  // Read, not loaded: the composer (or the app, with `loadUploadsConfig()`) loads the config once per store.
  const config = useChatSelector(selectUploadsConfig, Object.is, store);
  const { speaking, failure, play, stop } = useSpeech(store);
  if (!config?.isTTSEnabled || !message.metadata.chatMessageId) return null;
  const mine = speaking?.messageId === message.id;
  return (
    <>
      <button
        type="button"
        className="fk-button fk-button--ghost"
        aria-pressed={mine}
        aria-busy={mine && speaking.status === 'loading'}
        onClick={() => (mine ? stop() : play(message.id))}
      >
        {mine ? labels.stopSpeaking : labels.speak}
      </button>
      {failure?.messageId === message.id ? (
        <span className="fk-message__error" role="alert">
          {failure.message}
        </span>
      ) : null}
    </>
  );
}
