/**
 * Coalesces stream events so subscribers are notified at most once per animation frame: a 1,000 tokens/s
 * stream then costs ~60 store commits a second, not 1,000.
 */

/**
 * `'frame'` (default): one commit per animation frame, with a 100 ms timer as a fallback because hidden tabs and
 * Node have no frames. A number: at most one commit per that many milliseconds. `0`: commit every event.
 */
export type BatchMode = 'frame' | number;

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

/** A queue of items delivered in order, in batches, by a {@link Schedule}. */
export class Batcher<T> {
  private queue: T[] = [];
  private cancel: (() => void) | undefined;
  private readonly schedule: Schedule | undefined;

  constructor(
    mode: BatchMode,
    private readonly deliver: (items: T[]) => void,
  ) {
    this.schedule = schedulerFor(mode);
  }

  /** Queues an item; delivers at once when batching is off. */
  push(item: T): void {
    this.queue.push(item);
    if (!this.schedule) return this.flush();
    this.cancel ??= this.schedule(() => {
      this.cancel = undefined;
      this.flush();
    });
  }

  /** Delivers everything queued now (before a lifecycle change, so order is kept). */
  flush(): void {
    this.cancel?.();
    this.cancel = undefined;
    if (this.queue.length === 0) return;
    const items = this.queue;
    this.queue = [];
    this.deliver(items);
  }

  /** Drops the queue and the pending delivery. */
  dispose(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.queue = [];
  }
}
