import type { ChatStore, SpeechEvent } from '@flowise-kit/core';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useChatStore } from '../../context.js';
import { speechPlayerOf, type SpeechState } from './speech-player.js';

/** What {@link useSpeech} returns. */
export interface UseSpeechResult {
  /** The answer being read aloud, if any. */
  speaking: SpeechState | undefined;
  /** The last answer that could not be read, and why. */
  failure:
    | {
        /** The answer's id. */
        messageId: string;
        /** Why it could not be read. */
        message: string;
      }
    | undefined;
  /** Reads an answer aloud (stopping any other). */
  play(messageId: string): void;
  /** Stops reading, and asks Flowise to stop generating. */
  stop(): void;
}

/**
 * Text to speech for a store's answers (`POST text-to-speech/generate`, played as it streams): one answer at a time,
 * shared by every caller with the same store.
 *
 * @example
 * const { speaking, play, stop } = useSpeech();
 * <button onClick={() => (speaking?.messageId === id ? stop() : play(id))}>Read aloud</button>
 */
export function useSpeech(store?: ChatStore): UseSpeechResult {
  const player = speechPlayerOf(useChatStore(store));
  const speaking = useSyncExternalStore(player.subscribe, player.current, noSpeech);
  const failure = useSyncExternalStore(player.subscribe, player.failure, noSpeech);
  return {
    speaking,
    failure,
    play: useCallback((messageId: string) => player.play(messageId), [player]),
    stop: useCallback(() => player.stop(), [player]),
  };
}

const noSpeech = () => undefined;
const TTS = new Set(['tts_start', 'tts_data', 'tts_end', 'tts_abort']);

/**
 * Plays the audio a chatflow with auto-play text to speech streams inside the answer (`tts_*` events), as it arrives.
 * Used by `ChatStream`; the events are read from the latest answer in the store, each once.
 */
export function useSpeechAutoPlay(store: ChatStore): void {
  useEffect(() => {
    const player = speechPlayerOf(store);
    const seen = new Map<string, number>();
    // Only answers seen open here play: a restored history's audio was played in its own time.
    const live = new Set<string>();
    const check = () => {
      const messages = store.getState().messages;
      const answer = messages[messages.length - 1];
      if (answer?.role !== 'assistant') return;
      if (answer.status === 'submitted' || answer.status === 'streaming') live.add(answer.id);
      const from = seen.get(answer.id) ?? 0;
      if (!live.has(answer.id) || from === answer.extraEvents.length) return;
      seen.set(answer.id, answer.extraEvents.length);
      for (const event of answer.extraEvents.slice(from)) {
        if (TTS.has(event.name)) player.feed(answer.id, { type: event.name, data: event.data } as SpeechEvent);
      }
    };
    const unsubscribe = store.subscribe(check);
    return () => {
      unsubscribe();
      player.stop(false);
    };
  }, [store]);
}
