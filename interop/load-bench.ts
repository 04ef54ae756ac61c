/**
 * `pnpm bench:flowise-load`: N conversations at once through @flowise-kit/core against a real Flowise 3.1.4 on
 * 127.0.0.1, in one process and in queue mode (Redis, the main process, two workers). Each conversation asks two
 * questions on its own chatId. Correctness is asserted (every answer exactly the model's text, none in the wrong
 * conversation, one completion per question in the test model's log); the times to first token and to end are
 * reported and written to BENCHMARKS.md. `LOAD_SIZES` (default 50,200) and `LOAD_MODES` (default single,queue).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { createChatStore } from '@flowise-kit/core';
import { modelAnswer, type CompletionRecord } from './model-server';
import { startStack, type FlowiseMode } from './stack';

const SIZES = (process.env.LOAD_SIZES ?? '50,200').split(',').map(Number);
const MODES = (process.env.LOAD_MODES ?? 'single,queue').split(',') as FlowiseMode[];
/** A run that takes longer than this fails (the bench is bounded in time as well as in count). */
const RUN_LIMIT_MS = 240_000;
const log = (line: string) => console.log(`load: ${line}`);

interface Turn {
  ttftMs: number;
  endMs: number;
}
interface RunResult {
  mode: FlowiseMode;
  n: number;
  turns: Turn[];
  problems: string[];
  /** Answers Flowise itself failed (a typed `flow` error in the kit), e.g. SQLITE_BUSY in queue mode on SQLite. */
  flowErrors: string[];
  wallMs: number;
}

async function conversation(
  url: string,
  chatflowId: string,
  key: string,
  problems: string[],
  flowErrors: string[] = [],
  done: Set<string> = new Set(),
): Promise<Turn[]> {
  const store = createChatStore({ apiHost: url, chatflowId, firstByteTimeoutMs: 60_000, idleTimeoutMs: 60_000 });
  const turns: Turn[] = [];
  let chatId: string | undefined;
  try {
    for (const turn of [1, 2]) {
      const tag = `${key}-t${turn}`;
      let firstToken: number | undefined;
      store.configure({ onToken: () => (firstToken ??= performance.now()) });
      const started = performance.now();
      await store.send(`Load [[${tag}]]`);
      const endMs = performance.now() - started;
      const state = store.getState();
      const reply = state.messages.at(-1);
      if (reply?.role === 'assistant' && reply.status === 'error' && reply.error?.kind === 'flow') {
        flowErrors.push(reply.error.message);
        break;
      }
      if (reply?.role !== 'assistant' || reply.status !== 'done') {
        problems.push(
          `${tag}: ${reply?.role === 'assistant' ? `${reply.status} ${reply.error?.message}` : 'no answer'}`,
        );
        break;
      }
      done.add(`Load [[${tag}]]`);
      if (reply.text !== modelAnswer(`[[${tag}]]`)) problems.push(`${tag}: got "${reply.text.slice(0, 80)}"`);
      if (turn === 2 && state.chatId !== chatId) problems.push(`${tag}: the chatId changed`);
      chatId = state.chatId;
      turns.push({ ttftMs: (firstToken ?? performance.now()) - started, endMs });
    }
  } finally {
    store.dispose();
  }
  return turns;
}

async function run(mode: FlowiseMode, n: number, url: string, modelUrl: string, chatflowId: string) {
  const prefix = `${mode[0]}${n}x${Date.now() % 100000}`;
  const problems: string[] = [];
  const flowErrors: string[] = [];
  const done = new Set<string>();
  const started = performance.now();
  const all = Promise.all(
    Array.from({ length: n }, (_, i) => conversation(url, chatflowId, `${prefix}-c${i}`, problems, flowErrors, done)),
  );
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${mode} N=${n} did not finish within ${RUN_LIMIT_MS} ms`)),
      RUN_LIMIT_MS,
    );
  });
  const turns = (await Promise.race([all, limit]).finally(() => clearTimeout(timer))).flat();
  const wallMs = performance.now() - started;
  // Every question reached the model exactly once: no duplicate prediction, none lost.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const log = (await (await fetch(`${modelUrl}/v1/_test/completions`)).json()) as CompletionRecord[];
  const counts = new Map<string, number>();
  for (const c of log.filter((c) => c.question.includes(`[[${prefix}-`)))
    counts.set(c.question, (counts.get(c.question) ?? 0) + 1);
  for (const question of done)
    if (counts.get(question) !== 1) problems.push(`${question}: ${counts.get(question) ?? 0} completions`);
  for (const [question, count] of counts) if (count > 1) problems.push(`${question}: ${count} completions`);
  return { mode, n, turns, problems, flowErrors, wallMs } satisfies RunResult;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

function flowSummary(errors: string[]): string {
  if (errors.length === 0) return 'none';
  const kinds = new Map<string, number>();
  for (const e of errors) {
    const kind = /SQLITE_\w+/.exec(e)?.[0] ?? e.slice(0, 60);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].map(([kind, count]) => `${count} × \`${kind}\``).join(', ');
}

function section(results: RunResult[]): string {
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const rows = results.map((r) => {
    const ttft = r.turns.map((t) => t.ttftMs);
    const end = r.turns.map((t) => t.endMs);
    return `| ${r.mode === 'queue' ? 'queue mode (main + 2 workers)' : 'one process'} | ${r.n} | ${r.turns.length} | ${ms(percentile(ttft, 50))} | ${ms(percentile(ttft, 95))} | ${ms(percentile(end, 50))} | ${ms(percentile(end, 95))} | ${(r.wallMs / 1000).toFixed(1)} s | ${r.problems.length === 0 ? 'every answer exact, none misdelivered, 1 completion per answer' : `${r.problems.length} problems`} | ${flowSummary(r.flowErrors)} |`;
  });
  return `## Load against a real Flowise

Measured ${new Date().toISOString().slice(0, 10)} on ${machine} (\`pnpm bench:flowise-load\`): Flowise 3.1.4, the
conversation chain on the deterministic test model (one word per chunk, no delay), everything on 127.0.0.1 on the same
machine as the client. N conversations start at once through \`createChatStore\`, each asking two questions on its own
chatId (the second after the first answer). Time to first token and to end are per answer, from \`send()\`. A
conversation whose answer Flowise failed (a typed \`flow\` error in the kit, the server's message kept) asks no second
question; those answers are counted apart, not in the times. In queue mode the three Flowise processes share one
SQLite file, as the issue's setup does: SQLite has no busy timeout in Flowise's data source, so concurrent writes fail
with \`SQLITE_BUSY\` (a production cluster would use Postgres or MySQL).

| Flowise | N | answers | TTFT p50 | TTFT p95 | end p50 | end p95 | wall | correctness | failed by Flowise |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
}

function writeSection(text: string): void {
  const file = resolve(import.meta.dirname, '../BENCHMARKS.md');
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf('## Load against a real Flowise');
  const next = (from: number) => doc.indexOf('\n## ', from) + 1 || doc.length;
  const updated =
    start >= 0
      ? doc.slice(0, start) + text + '\n' + doc.slice(next(start + 1))
      : doc.replace('## Notes (written by hand', `${text}\n## Notes (written by hand`);
  writeFileSync(file, updated);
}

const results: RunResult[] = [];
for (const mode of MODES) {
  const stack = await startStack(mode, log);
  try {
    // Warm-up: the first prediction of a flow loads it (and in queue mode, on each worker).
    for (let i = 0; i < 4; i++) await conversation(stack.url, stack.flows.conversation, `w${mode}${i}`, []);
    for (const n of SIZES) {
      const result = await run(mode, n, stack.url, stack.modelUrl, stack.flows.conversation);
      log(
        `${mode} N=${n}: ${result.turns.length} answers in ${(result.wallMs / 1000).toFixed(1)} s, ${result.problems.length} problems, ${result.flowErrors.length} failed by Flowise`,
      );
      for (const problem of result.problems.slice(0, 10)) log(`  ${problem}`);
      results.push(result);
    }
  } finally {
    await stack.stop();
  }
}
const text = section(results);
console.log(text);
if (results.some((r) => r.problems.length > 0)) {
  console.error('load: correctness problems; BENCHMARKS.md not written');
  process.exit(1);
}
writeSection(text);
