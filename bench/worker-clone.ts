/**
 * What the worker transport posts to the page, measured (issue 18: "structured-clone cost measured and kept small:
 * send what changed, not the whole state"). A 5,000- and a 20,000-token answer from the mock, paced at 1,000
 * tokens/s and all at once, through the worker transport's own worker code, served in this process over a
 * MessageChannel with the store's 50 ms batching. Every message the worker posts is measured as it goes: its
 * structured-clone size (`v8.serialize`, V8's ValueSerializer, the format `postMessage` uses in Chromium and Node)
 * and the time of a `structuredClone` of it (serialize + deserialize, the worker's and the page's halves together).
 * Beside it, what posting the whole answer so far at every batch would have cost instead.
 *
 * Run alone: `pnpm bench:worker` (rewrites its section of BENCHMARKS.md); `pnpm bench` runs it too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';
import { startMockFlowise } from '@flowise-kit/mock-server';
import { createChatStore, type FlowiseEvent } from '@flowise-kit/core';
import { serveWorkerTransport } from '../packages/core/src/worker/serve.js';
import type { FromWorker, PortLike } from '../packages/core/src/worker/protocol.js';
import { createWorkerTransport } from '../packages/core/src/worker/worker-transport.js';

const STATE_ENVELOPE = serialize({ type: 'state', text: '' }).byteLength;

interface Posted {
  bytes: number;
  cloneMs: number;
  events: number;
}

/** The worker transport with its worker in this process; every message the worker posts goes through `measure`. */
function measuredTransport(measure: (message: FromWorker) => void) {
  return createWorkerTransport({
    mode: 'worker',
    createWorker: () => {
      const { port1, port2 } = new MessageChannel();
      const scope: PortLike = {
        postMessage: (message) => port2.postMessage(message),
        set onmessage(handler: ((event: MessageEvent) => void) | null) {
          port2.onmessage = (event) => {
            const real = event.ports[0]!;
            // The request's port, measured: what the worker sends the page.
            const port = {
              postMessage: (message: FromWorker) => (measure(message), real.postMessage(message)),
              set onmessage(h: ((event: MessageEvent) => void) | null) {
                real.onmessage = h;
              },
              close: () => real.close(),
            };
            handler?.({ data: event.data, ports: [port] } as unknown as MessageEvent);
          };
        },
        get onmessage() {
          return null;
        },
      };
      serveWorkerTransport(scope);
      return {
        postMessage: (message, transfer) => port1.postMessage(message, transfer as Transferable[]),
        addEventListener: (type, listener) => {
          if (type === 'message') port1.addEventListener('message', listener);
        },
        terminate: () => (port1.close(), port2.close()),
      };
    },
  });
}

interface Case {
  tokens: number;
  rate: number;
  batches: number;
  posted: number;
  largest: number;
  cloneMs: number;
  cloneMedianMs: number;
  cloneMaxMs: number;
  answerBytes: number;
  textChars: number;
  wholeState: number;
}

async function measureCase(url: string, tokens: number, rate: number): Promise<Case> {
  const posts: Posted[] = [];
  let soFar = '';
  let wholeState = 0;
  const transport = measuredTransport((message) => {
    if (message.type !== 'events') return;
    const start = performance.now();
    structuredClone(message);
    const cloneMs = performance.now() - start;
    posts.push({ bytes: serialize(message).byteLength, cloneMs, events: message.events.length });
    // The alternative: the page gets the whole answer so far with every batch.
    for (const event of message.events as FlowiseEvent[]) if (event.type === 'token') soFar += event.data;
    // Its clone size, counted without making it (27 MB of garbage at 20,000 tokens would put GC pauses in the timings).
    wholeState += STATE_ENVELOPE + (/^[\0-\xff]*$/.test(soFar) ? soFar.length : 2 * soFar.length);
  });
  const store = createChatStore({ apiHost: url, chatflowId: 'long', transport, checkStreamable: false });
  await store.send('Long', { overrideConfig: { mock: { tokens, rate } } });
  const answer = store.getState().messages.at(-1)!;
  if (answer.role !== 'assistant' || answer.status !== 'done') throw new Error(`the answer did not finish`);
  if (transport.lastUsed !== 'worker') throw new Error('not through the worker');
  store.dispose();
  transport.dispose();
  return {
    tokens,
    rate,
    batches: posts.length,
    posted: posts.reduce((n, p) => n + p.bytes, 0),
    largest: Math.max(...posts.map((p) => p.bytes)),
    cloneMs: posts.reduce((n, p) => n + p.cloneMs, 0),
    cloneMedianMs: posts.map((p) => p.cloneMs).sort((a, b) => a - b)[Math.floor(posts.length / 2)]!,
    cloneMaxMs: Math.max(...posts.map((p) => p.cloneMs)),
    answerBytes: serialize(answer.text).byteLength,
    textChars: answer.text.length,
    wholeState,
  };
}

const kB = (bytes: number) => `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} kB`;

/** Runs the cases; resolves to the BENCHMARKS.md section. */
export async function workerClone(): Promise<string> {
  const mock = await startMockFlowise({ port: 0, rate: 0 });
  // structuredClone's first calls compile it: not a cost of any batch.
  for (let i = 0; i < 200; i++) structuredClone({ type: 'events', events: [{ type: 'token', data: 'x'.repeat(i) }] });
  const cases: Case[] = [];
  try {
    for (const tokens of [5_000, 20_000])
      for (const rate of [1_000, 0]) {
        console.log(`bench: worker posts, ${tokens} tokens at ${rate || 'full speed'}…`);
        cases.push(await measureCase(mock.url, tokens, rate));
      }
  } finally {
    await mock.close();
  }
  /** Bytes posted beyond the answer's text, per batch: envelopes and the other events (sources, metadata, end). */
  const envelope = (c: Case) => (c.posted - c.answerBytes) / c.batches;
  const ratio = (c: Case) => c.posted / c.answerBytes;
  // What changed, not the state: the posted bytes grow with the answer, not with answer × batches, so 4× the tokens
  // leave the ratio as it was (the whole state would have quadrupled it).
  const growth = [1_000, 0].map((rate) => {
    const [small, large] = [5_000, 20_000].map((tokens) => cases.find((c) => c.tokens === tokens && c.rate === rate)!);
    return ratio(large!) - ratio(small!);
  });
  const met = growth.every((g) => g <= 0.02);
  const rows = cases.map(
    (c) =>
      `| ${c.tokens.toLocaleString('en')} | ${c.rate ? `${c.rate.toLocaleString('en')}/s` : 'all at once'} | ${c.batches} | ${kB(c.posted)} | ${kB(c.answerBytes)} (${c.textChars.toLocaleString('en')} chars) | ${(c.posted / c.answerBytes).toFixed(2)} (${envelope(c).toFixed(0)} B a batch) | ${kB(c.largest)} | ${c.cloneMs.toFixed(1)} ms (${c.cloneMedianMs.toFixed(3)} / ${c.cloneMaxMs.toFixed(2)}) | ${kB(c.wholeState)} (${(c.wholeState / c.posted).toFixed(0)}×) |`,
  );
  return [
    '## Worker transport: what crosses to the page (Node)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} (\`pnpm bench:worker\`, also in \`pnpm bench\`): the worker transport's worker code served in Node over a MessageChannel, the store's 50 ms batching, the mock's long answer. "Posted": the structured-clone size (\`v8.serialize\`, the format \`postMessage\` uses) of every batch the worker posts, summed; "answer": the same size of the final answer's text alone (one byte a character here: V8 stores a string in one byte a character when all of them are below U+0100, else in two). "Clone time": \`structuredClone\` of every batch (the worker's serialize and the page's deserialize together), summed. "Whole state instead": what posting the answer so far with every batch would have cost. Target (issue 18): **send what changed, not the whole state**; read here as: the posted bytes grow with the answer, not with the answer times the batches: posted / answer at 20,000 tokens is no more than at 5,000 (+0.02), at each pace.`,
    '',
    '| tokens | pace | batches | posted | answer | posted / answer (envelope) | largest batch | clone time (median / max a batch) | whole state instead |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `posted / answer from 5,000 to 20,000 tokens: ${growth.map((g) => (g >= 0 ? '+' : '') + g.toFixed(2)).join(' (1,000/s), ')} (all at once): **${met ? 'met' : 'not met'}**. A batch is the events that arrived since the last post, adjacent tokens joined into one string (\`{ type: 'events', events: [{ type: 'token', data }] }\`): the answer crosses once. At 1,000 tokens/s the envelopes (~60 B a batch, 20 batches a second) add ~16% to this answer of short words, about 1 kB a second: not worth a second message format.`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await workerClone();
  console.log(section);
  const path = resolve(import.meta.dirname, '../BENCHMARKS.md');
  const text = readFileSync(path, 'utf8');
  const title = '## Worker transport: what crosses to the page (Node)';
  const pattern = /## Worker transport: what crosses to the page \(Node\)[\s\S]*?(?=\n## |$)/;
  writeFileSync(path, text.includes(title) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}`);
}
