/**
 * Fuzzing the worker transport's protocol (RELIABILITY.md): random and hostile responses, served over real HTTP,
 * each answered twice, once through the main-thread transport and once through the worker transport (its worker
 * served in this process over a MessageChannel: the same protocol, structured clone and batching as in a browser).
 * Both must end in the same state: the same messages (text, status, sources ...), the same typed error, the same
 * diagnostics, one POST each, no unhandled rejection. The responses mix the parser fuzz's hostile byte streams
 * (fuzz.test.ts) with HTTP statuses, content types, a connection cut mid-body and silences that trip the first-byte
 * and idle timeouts. `WORKER_FUZZ_RUNS` changes the count.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatStore } from '../store.js';
import type { PredictionTransport } from '../prediction-request.js';
import { encodeEvents, hostilePiece, wireEvent } from '../test-support/arbitraries.js';
import { splitAt } from '../test-support/events.js';
import { comparable, inProcessWorkerTransport } from '../test-support/worker-transport.js';

const RUNS = Number(process.env.WORKER_FUZZ_RUNS ?? 300);
const TIMEOUT_MS = 300;

/** One response of the fuzzing server. */
interface Reply {
  status: number;
  contentType: string;
  chunks: Uint8Array[];
  /** `end`: a clean end; `cut`: the socket destroyed after the chunks; `stall`/`silent`: nothing more (idle or first-byte timeout). */
  ending: 'end' | 'cut' | 'stall' | 'silent';
}

let server: Server;
let url: string;
let next: Reply | undefined;
let posts = 0;
const open = new Set<ServerResponse>();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

async function reply(res: ServerResponse, { status, contentType, chunks, ending }: Reply): Promise<void> {
  if (ending === 'silent') return; // No headers: the first-byte timeout.
  res.writeHead(status, { 'content-type': contentType });
  res.flushHeaders();
  for (const chunk of chunks) {
    res.write(chunk);
    // Chunks apart, so the worker's batches split them in different ways; before a stall all at once, so that only
    // the stall can trip the idle timeout, never a slow moment of this shared machine between two chunks.
    if (ending !== 'stall') await new Promise((resolve) => setImmediate(resolve));
  }
  if (ending === 'end') res.end();
  else if (ending === 'cut') {
    // After the written bytes have left: a destroy discards what is still queued in this process.
    await new Promise((resolve) => setTimeout(resolve, 10));
    res.socket?.destroy();
  }
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = createServer((req, res) => {
    req.resume();
    if (req.method !== 'POST' || !next) return void res.writeHead(404).end();
    posts++;
    open.add(res);
    res.on('close', () => open.delete(res));
    void reply(res, next);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Asks one question answered by `reply`; returns the comparable final state and the POSTs it made. */
async function answer(replyWith: Reply, transport?: PredictionTransport) {
  next = replyWith;
  posts = 0;
  const store = createChatStore({
    apiHost: url,
    chatflowId: 'fuzz',
    checkStreamable: false,
    // Short where the reply goes silent (the timeouts are what ends it), out of reach everywhere else.
    ...(replyWith.ending === 'stall' || replyWith.ending === 'silent'
      ? { firstByteTimeoutMs: TIMEOUT_MS, idleTimeoutMs: TIMEOUT_MS }
      : { firstByteTimeoutMs: 60_000, idleTimeoutMs: 60_000 }),
    generateId: () => 'id',
    ...(transport ? { transport } : {}),
  });
  await store.send('Hello');
  const state = comparable(store.getState());
  store.dispose();
  for (const res of open) res.socket?.destroy(); // A stalled reply: its client already gave up.
  return { state, posts };
}

const bytes = fc.oneof(
  fc.array(hostilePiece, { maxLength: 16 }).map((pieces) => {
    const all = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of pieces) {
      all.set(p, at);
      at += p.length;
    }
    return all;
  }),
  fc
    .tuple(fc.array(wireEvent, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([events, newline]) => encodeEvents(events, newline)),
);

const replies: fc.Arbitrary<Reply> = fc
  .record({
    status: fc.oneof(
      { weight: 8, arbitrary: fc.constant(200) },
      { weight: 2, arbitrary: fc.constantFrom(401, 404, 429, 500, 503) },
    ),
    contentType: fc.oneof(
      { weight: 8, arbitrary: fc.constant('text/event-stream') },
      { weight: 2, arbitrary: fc.constantFrom('application/json', 'text/plain', 'text/event-stream; charset=utf-8') },
    ),
    body: bytes,
    cuts: fc.array(fc.nat(), { maxLength: 8 }),
    ending: fc.oneof(
      { weight: 16, arbitrary: fc.constant('end' as const) },
      { weight: 3, arbitrary: fc.constant('cut' as const) },
      { weight: 1, arbitrary: fc.constantFrom('stall' as const, 'silent' as const) },
    ),
  })
  .map(({ status, contentType, body, cuts, ending }) => ({
    status,
    contentType,
    ending,
    chunks: splitAt(
      body,
      cuts.map((c) => c % (body.length + 1)),
    ).filter((chunk) => chunk.length > 0),
  }));

describe('fuzzing the worker transport’s protocol against the main thread’s', () => {
  it(`${RUNS.toLocaleString('en')} random responses: the same final state through both, one POST each`, async () => {
    // batchMs 0 and 1: a post per chunk or per few; the store's own batching joins them again.
    const workers = [inProcessWorkerTransport({ batchMs: 0 }), inProcessWorkerTransport({ batchMs: 1 })];
    try {
      await fc.assert(
        fc.asyncProperty(replies, fc.nat(1), async (replyWith, which) => {
          const main = await answer(replyWith);
          const viaWorker = await answer(replyWith, workers[which]);
          expect(viaWorker.state).toEqual(main.state);
          expect(main.posts).toBe(1);
          expect(viaWorker.posts).toBe(1);
          expect(workers[which]!.lastUsed).toBe('worker');
        }),
        { numRuns: RUNS },
      );
    } finally {
      for (const worker of workers) worker.dispose();
    }
    expect(unhandled).toEqual([]);
  }, 600_000);
});
