/**
 * Giving the event loop back while a burst of bytes is parsed. A fast server (or a proxy that buffers) can hand
 * over a megabyte of events at once; `reader.read()` then resolves chunk after chunk in microtasks, and parsing
 * them all was one main-thread task of 100–200 ms in Chromium (20,000 tokens), in which nothing painted and no
 * input was handled. The transport feeds its parser in slices and yields once parsing has kept it busy this long
 * (parse time only: a normal stream's chunks come one per task anyway, and waiting for the network is not work).
 */
export const BUSY_MS = 8;

/** A chunk is fed to the parser in slices of at most this many bytes, so one huge chunk can be interrupted too. */
export const SLICE_BYTES = 32 * 1024;

interface SchedulerWithYield {
  yield?: () => Promise<void>;
}

/** A clock for the busy budget: `performance.now()` where there is one. */
export const busyClock: () => number = typeof performance === 'object' && typeof performance.now === 'function' ? () => performance.now() : Date.now;

/**
 * Resolves in a later task: `scheduler.yield()` where the browser has it (it resumes ahead of other queued work),
 * otherwise a zero-delay timer, which lets rendering and input run first.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
