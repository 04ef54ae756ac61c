/**
 * Fuzzing (RELIABILITY.md): 100,000 random byte streams and 100,000 random event sequences through the SSE parser,
 * decode and reduce. Nothing may throw, and the state invariants hold after every event: the answer's status only
 * moves forward, its text is exactly the tokens that arrived while it was open, the conversation keeps its two
 * messages, diagnostics stay bounded. `FUZZ_RUNS` changes the count (e.g. FUZZ_RUNS=1000000 for a long run). The
 * same hostile streams go through the worker transport's protocol in worker/worker-fuzz.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowiseEvent } from './events.js';
import { reduce } from './reducer.js';
import { MAX_DIAGNOSTICS } from './state.js';
import { LEGAL_NEXT, encodeEvents, hostilePiece, wireEvent } from './test-support/arbitraries.js';
import { askedState, lastAnswer, parseChunks, splitAt } from './test-support/events.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

/** Reduces decoded events one by one and checks every invariant after each; returns the final text. */
function reduceChecked(events: readonly FlowiseEvent[]): string {
  let state = askedState();
  let expected = '';
  for (const event of events) {
    expect(typeof event.type).toBe('string');
    const before = lastAnswer(state).status;
    if ((before === 'submitted' || before === 'streaming') && event.type === 'token') expected += event.data;
    state = reduce(state, event);
    const after = lastAnswer(state).status;
    if (!LEGAL_NEXT[before]!.includes(after)) throw new Error(`illegal status change ${before} → ${after}`);
    if (state.status !== after) throw new Error(`chat status ${state.status} but answer ${after}`);
    if (lastAnswer(state).text !== expected) throw new Error('text is not the tokens received while open');
    if (state.messages.length !== 2) throw new Error('a message appeared or vanished');
    if (state.diagnostics.length > MAX_DIAGNOSTICS) throw new Error('diagnostics grew without bound');
  }
  return expected;
}

describe('fuzzing the parser, decode and reduce', () => {
  it(`${RUNS.toLocaleString('en')} random byte streams in random chunks: no throw, invariants hold`, () => {
    fc.assert(
      fc.property(fc.array(hostilePiece, { maxLength: 16 }), fc.array(fc.nat(), { maxLength: 8 }), (pieces, cuts) => {
        const bytes = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of pieces) {
          bytes.set(p, at);
          at += p.length;
        }
        const chunks = splitAt(
          bytes,
          cuts.map((c) => c % (bytes.length + 1)),
        );
        reduceChecked(parseChunks(chunks));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it(`${RUNS.toLocaleString('en')} random event sequences, encoded and chunked: decoded exactly, invariants hold`, () => {
    fc.assert(
      fc.property(
        fc.array(wireEvent, { maxLength: 10 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.nat(), { maxLength: 8 }),
        (events, newline, cuts) => {
          const bytes = encodeEvents(events, newline);
          const decoded = parseChunks(
            splitAt(
              bytes,
              cuts.map((c) => c % (bytes.length + 1)),
            ),
          );
          expect(decoded).toHaveLength(events.length);
          expect(decoded.map((e) => e.type)).toEqual(events.map((e) => e.type));
          const text = reduceChecked(decoded);
          expect(text.length).toBeLessThanOrEqual(
            events.reduce((n, e) => n + (e.type === 'token' ? e.data.length : 0), 0),
          );
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});
