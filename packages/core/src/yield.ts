/**
 * Giving the event loop back while a burst of bytes is parsed. A fast server (or a proxy that buffers) can hand
 * over a megabyte of events at once; `reader.read()` then resolves chunk after chunk in microtasks, and parsing
 * them all was one main-thread task of 100–200 ms in Chromium (20,000 tokens), in which nothing painted and no
 * input was handled. The transport feeds its parser in slices and yields once parsing has kept it busy this long
 * (parse time only: a normal stream's chunks come one per task anyway, and waiting for the network is not work).
 */
export const BUSY_MS = 8;

/**
 * A chunk is fed to the parser in slices of about this many bytes, so one huge chunk can be interrupted too. A
 * slice ends at a line end: the parser buffers an unfinished line by copying it, and cutting one long `data:` line
 * (a big artifact or agent trace) into many slices would copy it again at every slice.
 */
export const SLICE_BYTES = 32 * 1024;

/** Where the slice of `chunk` that starts at `at` ends: after the first line feed at or past SLICE_BYTES, else at its end. */
export function sliceEnd(chunk: Uint8Array, at: number): number {
  if (chunk.length - at <= SLICE_BYTES) return chunk.length;
  const lineFeed = chunk.indexOf(10, at + SLICE_BYTES - 1);
  return lineFeed === -1 ? chunk.length : lineFeed + 1;
}

interface SchedulerWithYield {
  yield?: () => Promise<void>;
}

/** A clock for the busy budget: `performance.now()` where there is one. */
export const busyClock: () => number = typeof performance === 'object' && typeof performance.now === 'function' ? () => performance.now() : Date.now;

/**
 * Whether yielding helps: only on a page that is showing. Not in Node, SSR or a Web Worker, where no frame waits
 * and a zero-delay timer costs at least 1 ms (in Node it halved the transport's throughput over an in-memory
 * stream); not in a hidden tab, where nothing paints and browsers hold zero-delay timers back to about once a
 * second (a 2 MB burst would take minutes).
 */
export function mayYield(): boolean {
  const document = (globalThis as { document?: { visibilityState?: string } }).document;
  return document !== undefined && document.visibilityState !== 'hidden';
}

/**
 * Resolves in a later task: `scheduler.yield()` where the browser has it (it resumes ahead of other queued work),
 * otherwise a zero-delay timer, which lets rendering and input run first. Never rejects.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield().catch(() => undefined);
  return new Promise((resolve) => setTimeout(resolve, 0));
}
