/**
 * A burst: the whole answer handed over as one chunk. Over real HTTP, Node reads a socket in chunks of at most
 * 64 KB, one per task, so this cannot be produced on the real path; a browser can resolve a buffered response's
 * reads back to back in microtasks. So here the body is one `Response` of one 2.6 MB chunk.
 */
import { describe, expect, it } from 'vitest';
import type { FlowiseEvent } from './events.js';
import { streamPrediction } from './transport.js';

const TOKENS = 50_000;
const body = new TextEncoder().encode(
  ['event: start\ndata: \n\n', ...Array.from({ length: TOKENS }, (_, i) => `data: {"event":"token","data":" word${i}"}\n\n`), 'data: {"event":"end","data":"[DONE]"}\n\n'].join(''),
);
const oneChunk = async () => new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });

/** Streams the burst; `seen` records, at each tick of a zero-delay interval, how many events had been handled. */
async function burst(abortAtTick?: number) {
  const events: FlowiseEvent[] = [];
  const seen: number[] = [];
  const controller = new AbortController();
  const ticker = setInterval(() => {
    seen.push(events.length);
    if (seen.length === abortAtTick) controller.abort();
  }, 0);
  try {
    const outcome = await streamPrediction({
      apiHost: 'http://burst.invalid',
      chatflowId: 'flow',
      body: { question: 'Hi' },
      fetch: oneChunk,
      signal: controller.signal,
      onEvent: (event) => events.push(event),
    });
    return { outcome, events, seen };
  } finally {
    clearInterval(ticker);
  }
}

describe('a burst of events in one chunk', () => {
  it('is parsed in slices that give the event loop back, in order and whole', async () => {
    const { outcome, events, seen } = await burst();
    expect(outcome).toBe('completed');
    expect(events).toHaveLength(TOKENS + 2);
    expect(events[1]).toEqual({ type: 'token', data: ' word0' });
    expect(events.at(-2)).toEqual({ type: 'token', data: ` word${TOKENS - 1}` });
    expect(events.at(-1)).toEqual({ type: 'end', data: '[DONE]' });
    // Timers ran while the burst was being parsed, not only before or after it.
    expect(seen.filter((count) => count > 0 && count < TOKENS + 2).length).toBeGreaterThan(0);
  });

  it('stops at the next slice when aborted during the burst: aborted, the rest never handled', async () => {
    const { outcome, events } = await burst(2);
    expect(outcome).toBe('aborted');
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(TOKENS + 2);
    expect(events.some((event) => event.type === 'end')).toBe(false);
  });
});
