/**
 * Memory: the heap while a store holds 100 answers of 10,000 tokens (1,000,000 tokens), and after `reset()` and
 * `dispose()`: the text is released and nothing is left behind (timers, sockets, listeners).
 * Run with `node --expose-gc` (pnpm bench does).
 */
import { createChatStore } from '@flowise-kit/core';

const encoder = new TextEncoder();
const answer = encoder.encode(
  [
    'message:\ndata:{"event":"start","data":""}\n\n',
    ...Array.from({ length: 10_000 }, (_, i) => `message:\ndata:{"event":"token","data":" word${i % 97}"}\n\n`),
    'message:\ndata:{"event":"metadata","data":{"chatId":"c"}}\n\nmessage:\ndata:{"event":"end","data":"[DONE]"}\n\n',
  ].join(''),
);
const respond = async () =>
  new Response(
    new ReadableStream({
      start(controller) {
        for (let i = 0; i < answer.length; i += 64 * 1024) controller.enqueue(answer.subarray(i, i + 64 * 1024));
        controller.close();
      },
    }),
    { headers: { 'Content-Type': 'text/event-stream' } },
  );

function heapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function resources(): string {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
  return (
    Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none'
  );
}

export async function memory(): Promise<string> {
  const before = heapMB();
  const resourcesBefore = resources();
  const store = createChatStore({
    apiHost: 'http://bench.invalid',
    chatflowId: 'x',
    checkStreamable: false,
    fetch: respond,
  });
  let listenerCalls = 0;
  const unsubscribe = store.subscribe(() => void listenerCalls++);
  const started = performance.now();
  for (let i = 0; i < 100; i++) await store.send(`question ${i}`);
  const elapsed = performance.now() - started;
  // Read the state in a function so this benchmark holds no reference to it across reset().
  const text = (() => {
    const state = store.getState();
    if (state.messages.length !== 200 || state.status !== 'done') throw new Error('not every answer finished');
    return state.messages.reduce((n, m) => n + m.text.length, 0);
  })();
  // A flat string takes a byte per character when every character is Latin-1 (the answers here are ASCII).
  const textMB = text / 1024 / 1024;
  const full = heapMB();
  store.reset();
  const afterReset = heapMB();
  unsubscribe();
  store.dispose();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const afterDispose = heapMB();
  return [
    '## Memory (Node)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)}, Node ${process.version} (\`pnpm bench\`): one store, 100 answers × 10,000 tokens = 1,000,000 tokens`,
    `(${(text / 1024 / 1024).toFixed(1)} M characters of answer text) in ${(elapsed / 1000).toFixed(1)} s, ${listenerCalls} store notifications.`,
    '',
    '| moment | heap used | active resources |',
    '|---|---|---|',
    `| before the store | ${before.toFixed(1)} MB | ${resourcesBefore} |`,
    `| 100 answers held | ${full.toFixed(1)} MB | ${resources()} |`,
    `| after \`reset()\` | ${afterReset.toFixed(1)} MB | ${resources()} |`,
    `| after \`dispose()\` | ${afterDispose.toFixed(1)} MB | ${resources()} |`,
    '',
    `After \`reset()\` the heap is ${(afterReset - before).toFixed(1)} MB above where it started: the answers are released, and no timer,`,
    'socket or abort listener is left (active resources as before).',
    '',
    `The answers held: ${(full - afterReset).toFixed(1)} MB (the heap with them less the heap after \`reset()\`, which released them) for`,
    `${textMB.toFixed(1)} MB of text (a byte per character, flat): **${((full - afterReset) / textMB).toFixed(2)}×** the text's size`,
    `(target ≤ 1.2×: ${(full - afterReset) / textMB <= 1.2 ? 'met' : 'not met'}). An answer's text is flattened when it ends; while it streams it`,
    'is a rope, a node per append.',
    '',
  ].join('\n');
}
