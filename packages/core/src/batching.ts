/**
 * Coalesces stream events so subscribers are notified at most once per animation frame and, by default, at most
 * once per 50 ms: a 1,000 tokens/s stream then costs ~20 store commits a second, not 1,000.
 */

/**
 * A number (default {@link DEFAULT_BATCH_MS}): at most one commit per that many milliseconds, and an event after a
 * quiet spell is committed on the next animation frame. `'frame'`: one commit per animation frame (lowest latency,
 * about three times the browser's rendering work of the default at 1,000 tokens/s). Frames fall back to a 100 ms
 * timer because hidden tabs and Node have none. `0`: commit every event.
 */
export type BatchMode = 'frame' | number;

/**
 * The default batch interval. Why 50 ms and not every frame: each commit makes the browser lay out and paint the
 * growing answer (3–5 ms of main-thread time a frame in Chromium even for a bare DOM), so per-frame commits at a fast
 * model's rate keep the main thread busy for a fifth of the stream; 20 updates a second still read as smooth
 * streaming, a slow model's tokens still show on the next frame, and the last token is committed the moment the
 * stream ends. `useChat`'s `experimental_throttle: 50` is the same figure. Measured in BENCHMARKS.md.
 */
export const DEFAULT_BATCH_MS = 50;

/** Runs `callback` later; returns a function that cancels it. */
export type Schedule = (callback: () => void) => () => void;

const FRAME_FALLBACK_MS = 100;
const NODE_FRAME_MS = 16;

/** The scheduler for a {@link BatchMode}; `undefined` for `0` (no batching). */
export function schedulerFor(mode: BatchMode): Schedule | undefined {
  if (mode === 0) return undefined;
  if (typeof mode === 'number') return (callback) => timeout(callback, mode);
  if (typeof globalThis.requestAnimationFrame !== 'function') return (callback) => timeout(callback, NODE_FRAME_MS);
  return (callback) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      callback();
    };
    const frame = requestAnimationFrame(once);
    const timer = setTimeout(once, FRAME_FALLBACK_MS);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  };
}

function timeout(callback: () => void, ms: number): () => void {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
}

/**
 * A queue of items delivered in order, in batches. With a number of milliseconds it is a throttle with a leading
 * edge: an item after a quiet spell is delivered on the next frame (a slow model's every token shows at once), and
 * while items keep coming, deliveries are at least that many milliseconds apart.
 */
export class Batcher<T> {
  private queue: T[] = [];
  private cancel: (() => void) | undefined;
  private readonly nextFrame: Schedule | undefined;
  private readonly interval: number;
  private lastDelivery = -Infinity;

  /**
   * @param throttles Which items start the interval (default: all). The store passes tokens: a `start` or
   *   `metadata` event delivered on its own must not hold back the first token that follows it by an interval.
   */
  constructor(
    mode: BatchMode,
    private readonly deliver: (items: T[]) => void,
    private readonly throttles: (item: T) => boolean = () => true,
  ) {
    this.interval = typeof mode === 'number' ? Math.max(0, mode) : 0;
    this.nextFrame = mode === 0 ? undefined : schedulerFor('frame');
  }

  /** Queues an item; delivers at once when batching is off. */
  push(item: T): void {
    this.queue.push(item);
    if (!this.nextFrame) return this.flush();
    if (this.cancel) return;
    const run = () => {
      this.cancel = undefined;
      this.flush();
    };
    const wait = this.lastDelivery + this.interval - Date.now();
    this.cancel = wait > 0 ? timeout(run, wait) : this.nextFrame(run);
  }

  /** Delivers everything queued now (before a lifecycle change, so order is kept). */
  flush(): void {
    this.cancel?.();
    this.cancel = undefined;
    if (this.queue.length === 0) return;
    const items = this.queue;
    this.queue = [];
    if (this.interval > 0 && items.some(this.throttles)) this.lastDelivery = Date.now();
    this.deliver(items);
  }

  /** Drops the queue and the pending delivery. */
  dispose(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.queue = [];
  }
}
