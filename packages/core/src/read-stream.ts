/** Reading an event stream's body without turning a burst into one long task (see pacing.ts). */
import { busyClock, mayYield, PACING, sliceEnd, yieldToEventLoop } from './pacing.js';

/** What {@link readEventStream} reports to, and asks of, the request it reads for. */
export interface StreamReader {
  /** The next bytes, in order. */
  feed(bytes: Uint8Array): void;
  /** Bytes arrived, or reading resumed after a yield: the idle wait starts again. */
  touch(): void;
  /** True once the request has settled (its answer ended, it was stopped or it failed): reading stops. */
  settled(): boolean;
}

/**
 * Feeds `body` to `reader` until the body ends or the request settles. A chunk is fed in slices, and after
 * {@link PACING}.parseBudgetMs of parsing it yields to the event loop, so a page paints and a Stop lands mid-burst.
 * Resolves `true` when the body ended, `false` when reading stopped before (the rest of the body is released).
 */
export async function readEventStream(body: ReadableStream<Uint8Array>, reader: StreamReader): Promise<boolean> {
  const source = body.getReader();
  let ended = false;
  try {
    // Parsing time since the last yield (not wall time: waiting for the network is not work).
    let busy = 0;
    while (!reader.settled()) {
      const { done, value } = await source.read();
      if (done) {
        ended = true;
        break;
      }
      reader.touch();
      for (let at = 0; at < value.length && !reader.settled();) {
        const end = sliceEnd(value, at);
        const start = busyClock();
        reader.feed(at === 0 && end === value.length ? value : value.subarray(at, end));
        busy += busyClock() - start;
        at = end;
        if (busy < PACING.parseBudgetMs || reader.settled() || !mayYield()) continue;
        await yieldToEventLoop();
        busy = 0;
        // The bytes were in hand all along: the wait was ours, not the server's.
        reader.touch();
      }
    }
  } finally {
    // A fetch that ignores the abort signal would keep producing: release the body.
    if (!ended) void source.cancel().catch(() => undefined);
  }
  return ended;
}
