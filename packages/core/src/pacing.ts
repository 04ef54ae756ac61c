/**
 * Pacing: how fast a stream reaches the screen. Every layer that spreads work over time takes its knobs and its
 * clocks from here, so the trade-offs are tuned in one place.
 *
 * Why these three stages: a fast server (or a buffering proxy) can hand over a megabyte of events at once, and the
 * work it causes must never become one long main-thread task, in which nothing paints and no input is handled.
 * 1. The transport parses a burst in slices of {@link PACING}.parseSliceBytes, cut at line ends (cutting a long
 *    `data:` line would make the parser copy it again per slice), and yields to the event loop after
 *    `parseBudgetMs` of parsing, on a visible page only: in Node, SSR and workers no frame waits and a zero-delay
 *    timer only slows throughput; in a hidden tab browsers hold such timers back to about one a second.
 * 2. The store commits parsed events at most once per `batchMs` (a leading edge: a token after a quiet spell shows on
 *    the next frame). Each commit makes the browser lay out the growing answer, so committing every frame at a fast
 *    model's rate keeps the main thread busy for much of the stream; 20 updates a second still read as streaming.
 *    Where a commit is slow (a phone), the interval grows with its measured cost up to `maxBatchMs`, so rendering
 *    takes at most `renderShare` of the main thread (frame-cost.ts).
 * 3. The markdown view reveals a burst of new text over frames: `revealFirstChars` in the first frame, doubling up
 *    to `revealMaxChars` a frame. The start is small because a page's first answer runs the markdown lexer cold.
 * Frames fall back to a `frameFallbackMs` timer where there are none (hidden tabs, Node). The measurements behind
 * the figures are in BENCHMARKS.md.
 */
export const PACING = {
  /** The store's default: at most one commit per this many milliseconds while tokens stream. */
  batchMs: 50,
  /**
   * A numeric batch interval grows until commits take at most this share of the main thread, measured per page
   * (frame-cost.ts): on a phone-class CPU a commit of a growing answer costs 30–100 ms, and at 50 ms apart rendering
   * would fill the main thread.
   */
  renderShare: 1 / 3,
  /** ... but never beyond this many milliseconds apart (an answer still visibly streams on the slowest page). */
  maxBatchMs: 400,
  /** A frame that does not come (hidden tab) is replaced by a timer of this many milliseconds. */
  frameFallbackMs: 100,
  /** The frame interval where there is no `requestAnimationFrame` (Node, workers). */
  timerFrameMs: 16,
  /** The transport yields after this many milliseconds of parsing without a break. */
  parseBudgetMs: 8,
  /** The transport feeds its parser slices of about this many bytes. */
  parseSliceBytes: 32 * 1024,
  /** The first frame of a revealed burst shows this many characters ... */
  revealFirstChars: 1_024,
  /** ... and each next frame twice as many as the last, up to this many. */
  revealMaxChars: 8_192,
} as const;

/** The default batch interval, {@link PACING}.batchMs. */
export const DEFAULT_BATCH_MS: number = PACING.batchMs;

/**
 * How the store batches commits. A number (default {@link DEFAULT_BATCH_MS}): at most one commit per that many
 * milliseconds, an event after a quiet spell committed on the next frame. `'frame'`: one commit per animation frame
 * (lowest latency, more rendering work at a fast model's rate). `0`: commit every event.
 */
export type BatchMode = 'frame' | number;

/** Runs `callback` later; returns a function that cancels it. */
export type Schedule = (callback: () => void) => () => void;

/** The scheduler for a {@link BatchMode}; `undefined` for `0` (no batching). */
export function schedulerFor(mode: BatchMode): Schedule | undefined {
  if (mode === 0) return undefined;
  if (typeof mode === 'number') return (callback) => timeout(callback, mode);
  if (typeof globalThis.requestAnimationFrame !== 'function') {
    return (callback) => timeout(callback, PACING.timerFrameMs);
  }
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
    const timer = setTimeout(once, PACING.frameFallbackMs);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  };
}

/** Runs `callback` after `ms`; returns a function that cancels it. */
export function timeout(callback: () => void, ms: number): () => void {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
}

/** Where the parser's slice of `chunk` that starts at `at` ends: after a line feed at or past the slice size. */
export function sliceEnd(chunk: Uint8Array, at: number): number {
  if (chunk.length - at <= PACING.parseSliceBytes) return chunk.length;
  const lineFeed = chunk.indexOf(10, at + PACING.parseSliceBytes - 1);
  return lineFeed === -1 ? chunk.length : lineFeed + 1;
}

/** The next frame's reveal budget after `budget`. */
export function nextRevealBudget(budget: number): number {
  return Math.min(PACING.revealMaxChars, budget * 2);
}

/** Where a frame's reveal of `text` from `from` ends: the last line break within `budget`, else the budget. */
export function revealEnd(text: string, from: number, budget: number): number {
  const limit = from + budget;
  const lineEnd = text.lastIndexOf('\n', limit - 1);
  if (lineEnd >= from + budget / 2) return lineEnd + 1;
  // Never between the two halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** A clock for the parse budget: `performance.now()` where there is one. */
export const busyClock: () => number =
  typeof performance === 'object' && typeof performance.now === 'function' ? () => performance.now() : Date.now;

/** Whether yielding helps: only on a page that is showing (see {@link PACING}). */
export function mayYield(): boolean {
  const document = (globalThis as { document?: { visibilityState?: string } }).document;
  return document !== undefined && document.visibilityState !== 'hidden';
}

/**
 * Resolves in a later task: `scheduler.yield()` where the browser has it (it resumes ahead of other queued work),
 * otherwise a zero-delay timer, which lets rendering and input run first. Never rejects.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield().catch(() => undefined);
  return new Promise((resolve) => setTimeout(resolve, 0));
}
