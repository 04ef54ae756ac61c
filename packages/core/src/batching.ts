/** The store's event queue: delivers stream events in batches, on the schedule that pacing.ts sets. */
import { adaptiveInterval, measureCommit } from './frame-cost.js';
import { busyClock, schedulerFor, timeout, type BatchMode, type Schedule } from './pacing.js';

/**
 * A queue of items delivered in order, in batches. With a number of milliseconds it is a throttle with a leading
 * edge: an item after a quiet spell is delivered on the next frame (a slow model's every token shows at once), and
 * while items keep coming, deliveries are at least that many milliseconds apart, and further apart on a page whose
 * commits are slow (frame-cost.ts measures each delivery's rendering and `adaptiveInterval` spaces them).
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
   * @param merge Joins an item into the last queued one, or returns `undefined` to queue it (the store joins
   *   adjacent tokens: a burst then holds one queued event, not one per token).
   */
  constructor(
    mode: BatchMode,
    private readonly deliver: (items: T[]) => void,
    private readonly throttles: (item: T) => boolean = () => true,
    private readonly merge?: (last: T, item: T) => T | undefined,
  ) {
    this.interval = typeof mode === 'number' ? Math.max(0, mode) : 0;
    this.nextFrame = mode === 0 ? undefined : schedulerFor('frame');
  }

  /** Queues an item; delivers at once when batching is off. */
  push(item: T): void {
    const { queue } = this;
    const merged = this.merge && queue.length > 0 ? this.merge(queue[queue.length - 1]!, item) : undefined;
    if (merged === undefined) queue.push(item);
    else queue[queue.length - 1] = merged;
    if (!this.nextFrame) return this.flush();
    if (this.cancel) return;
    const wait = this.lastDelivery + adaptiveInterval(this.interval) - Date.now();
    const run = () => {
      this.cancel = undefined;
      this.flush(wait <= 0);
    };
    this.cancel = wait > 0 ? timeout(run, wait) : this.nextFrame(run);
  }

  /**
   * Delivers everything queued now (before a lifecycle change, so order is kept).
   * @param inFrame The delivery runs in an animation-frame callback (for the measure of its rendering).
   */
  flush(inFrame = false): void {
    this.cancel?.();
    this.cancel = undefined;
    if (this.queue.length === 0) return;
    const items = this.queue;
    this.queue = [];
    const measure = this.interval > 0 && items.some(this.throttles);
    if (measure) this.lastDelivery = Date.now();
    const started = busyClock();
    this.deliver(items);
    if (measure) measureCommit(inFrame, started);
  }

  /** Drops the queue and the pending delivery. */
  dispose(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.queue = [];
  }
}
