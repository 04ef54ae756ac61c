/**
 * A burst: the whole answer handed over as one chunk. Over real HTTP, Node reads a socket in chunks of at most
 * 64 KB, one per task, so this cannot be produced on the real path; a browser can resolve a buffered response's
 * reads back to back in microtasks. So here the body is one `Response` of one 2.6 MB chunk.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowiseEvent } from './events.js';
import { streamPrediction } from './transport.js';

const TOKENS = 50_000;
const body = new TextEncoder().encode(
  [
    'event: start\ndata: \n\n',
    ...Array.from({ length: TOKENS }, (_, i) => `data: {"event":"token","data":" word${i}"}\n\n`),
    'data: {"event":"end","data":"[DONE]"}\n\n',
  ].join(''),
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

/** Pretends to be a page (the transport yields only where something paints). */
function page(visibilityState: 'visible' | 'hidden') {
  (globalThis as { document?: unknown }).document = { visibilityState };
}
afterEach(() => {
  delete (globalThis as { document?: unknown }).document;
});

/** Ticks of the interval that saw the burst half done. */
const during = (seen: number[]) => seen.filter((count) => count > 0 && count < TOKENS + 2).length;

describe('a burst of events in one chunk', () => {
  it('on a page: is parsed in slices that give the event loop back, in order and whole', async () => {
    page('visible');
    const { outcome, events, seen } = await burst();
    expect(outcome).toBe('completed');
    expect(events).toHaveLength(TOKENS + 2);
    expect(events[1]).toEqual({ type: 'token', data: ' word0' });
    expect(events.at(-2)).toEqual({ type: 'token', data: ` word${TOKENS - 1}` });
    expect(events.at(-1)).toEqual({ type: 'end', data: '[DONE]' });
    // Timers ran while the burst was being parsed, not only before or after it.
    expect(during(seen)).toBeGreaterThan(0);
  });

  it('without a page (Node, a worker) or in a hidden tab: parsed straight through, as fast as it can', async () => {
    const node = await burst();
    expect(node.events).toHaveLength(TOKENS + 2);
    expect(during(node.seen)).toBe(0);
    page('hidden');
    const hidden = await burst();
    expect(hidden.events).toHaveLength(TOKENS + 2);
    expect(during(hidden.seen)).toBe(0);
  });

  it('on a page: stops at the next yield when aborted during the burst: aborted, the rest never handled', async () => {
    page('visible');
    const { outcome, events } = await burst(2);
    expect(outcome).toBe('aborted');
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(TOKENS + 2);
    expect(events.some((event) => event.type === 'end')).toBe(false);
  });
});
