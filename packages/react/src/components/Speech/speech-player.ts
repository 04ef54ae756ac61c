import type { ChatStore, SpeechEvent } from '@flowise-kit/core';
import { AudioSink, base64Bytes } from './audio-sink.js';

/** Which answer is being read aloud, and how far along. */
export interface SpeechState {
  /** The answer's id in the store. */
  messageId: string;
  /** `loading`: asked, no audio yet; `playing`: audio is coming or playing. */
  status: 'loading' | 'playing';
}

/**
 * Reads answers aloud for one store, one at a time: a new one stops the one before. The audio comes from the store's
 * `speak()` (a button) or from the prediction stream's `tts_*` events (auto-play); stopping calls the store's
 * `stopSpeaking()` so Flowise stops generating too.
 */
export class SpeechPlayer {
  private state: SpeechState | undefined;
  private error: { messageId: string; message: string } | undefined;
  private readonly listeners = new Set<() => void>();
  private sink: AudioSink | undefined;
  private controller: AbortController | undefined;
  private audio: HTMLAudioElement | undefined;

  constructor(private readonly store: ChatStore) {}

  /** The answer being read, if any. */
  current = (): SpeechState | undefined => this.state;
  /** The last failure to read an answer (cleared by the next play). */
  failure = () => this.error;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Reads an answer aloud through `POST text-to-speech/generate`. */
  play(messageId: string): void {
    this.stop();
    this.error = undefined;
    const controller = new AbortController();
    this.controller = controller;
    this.set({ messageId, status: 'loading' });
    this.store
      .speak(messageId, (event) => this.feed(messageId, event), controller.signal)
      .catch((error: unknown) => {
        if (this.controller !== controller) return;
        this.error = { messageId, message: error instanceof Error ? error.message : String(error) };
        this.release();
      });
  }

  /** Plays one `tts_*` event of answer `messageId` (from `speak()` or from the prediction stream). */
  feed(messageId: string, event: SpeechEvent | { type: 'tts_abort' }): void {
    if (event.type === 'tts_start') {
      if (this.state?.messageId !== messageId) this.stop(false);
      this.sink?.dispose();
      this.sink = new AudioSink(this.element());
      this.set({ messageId, status: 'playing' });
      return;
    }
    if (this.state?.messageId !== messageId || !this.sink) return;
    if (event.type === 'tts_data' && event.data.audioChunk) this.sink.push(base64Bytes(event.data.audioChunk));
    else if (event.type === 'tts_end') this.sink.end();
    else if (event.type === 'tts_abort') this.release();
  }

  /** Stops reading; `askServer` (default) also asks Flowise to stop generating. */
  stop(askServer = true): void {
    const state = this.state;
    this.controller?.abort();
    this.release();
    if (askServer && state) this.store.stopSpeaking(state.messageId).catch(() => undefined);
  }

  private element(): HTMLAudioElement {
    if (!this.audio) {
      const audio = document.createElement('audio');
      audio.hidden = true;
      audio.dataset.fkSpeech = '';
      audio.addEventListener('ended', () => this.release());
      document.body.append(audio);
      this.audio = audio;
    }
    return this.audio;
  }

  private release(): void {
    this.controller = undefined;
    this.sink?.dispose();
    this.sink = undefined;
    this.set(undefined);
  }

  private set(state: SpeechState | undefined): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

const players = new WeakMap<ChatStore, SpeechPlayer>();

/** The one player of a store: every answer's button shares it, so one answer plays at a time. */
export function speechPlayerOf(store: ChatStore): SpeechPlayer {
  let player = players.get(store);
  if (!player) {
    player = new SpeechPlayer(store);
    players.set(store, player);
  }
  return player;
}
