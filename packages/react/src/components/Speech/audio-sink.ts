/**
 * Plays audio that arrives in chunks: through Media Source Extensions as it streams where the browser can append
 * MP3 (`audio/mpeg`), else buffered and played once complete.
 */
export class AudioSink {
  private readonly queue: Uint8Array<ArrayBuffer>[] = [];
  private readonly buffered: Uint8Array<ArrayBuffer>[] = [];
  private source: MediaSource | undefined;
  private buffer: SourceBuffer | undefined;
  private ended = false;
  private url: string | undefined;

  constructor(
    private readonly audio: HTMLAudioElement,
    private readonly mime = 'audio/mpeg',
  ) {
    const streaming = typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported(mime);
    // For a developer (and the tests): how this browser plays speech.
    audio.dataset.fkSpeechMode = streaming ? 'stream' : 'buffered';
    if (!streaming) return;
    const source = new MediaSource();
    this.source = source;
    this.setSource(URL.createObjectURL(source));
    source.addEventListener(
      'sourceopen',
      () => {
        this.buffer = source.addSourceBuffer(mime);
        this.buffer.addEventListener('updateend', () => this.flush());
        this.flush();
      },
      { once: true },
    );
    this.play();
  }

  /** Whether the audio plays as it streams (MSE) rather than once complete. */
  get streaming(): boolean {
    return this.source !== undefined;
  }

  /** Adds a chunk of audio. */
  push(chunk: Uint8Array<ArrayBuffer>): void {
    if (this.source) {
      this.queue.push(chunk);
      this.flush();
    } else this.buffered.push(chunk);
  }

  /** No more chunks: the stream is closed (MSE) or the buffered audio starts. */
  end(): void {
    this.ended = true;
    if (this.source) return this.flush();
    this.setSource(URL.createObjectURL(new Blob(this.buffered, { type: this.mime })));
    this.play();
  }

  /** Stops playing and frees the audio. */
  dispose(): void {
    this.audio.pause();
    this.audio.removeAttribute('src');
    this.audio.load();
    if (this.url) URL.revokeObjectURL(this.url);
  }

  private flush(): void {
    const buffer = this.buffer;
    if (!buffer || buffer.updating || this.source?.readyState !== 'open') return;
    const next = this.queue.shift();
    if (next) buffer.appendBuffer(next);
    else if (this.ended) this.source.endOfStream();
  }

  private setSource(url: string): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = url;
    this.audio.src = url;
  }

  private play(): void {
    // A browser may refuse to play without a user gesture (auto-play): then the user presses play.
    try {
      void this.audio.play()?.catch(() => undefined);
    } catch {
      // no media playback here (a test DOM)
    }
  }
}

/** Base64 (a `tts_data` chunk) as bytes. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
