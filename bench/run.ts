/**
 * `pnpm bench`: runs the Node benchmarks and the size measurement and rewrites their sections of BENCHMARKS.md
 * (machine, date, Node version, medians with min–max, ratios measured in the same run).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { memory } from './memory';
import { parseThroughput, reduceThroughput } from './throughput';
import { workerClone } from './worker-clone';

const path = resolve(import.meta.dirname, '../BENCHMARKS.md');
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
console.log('bench: parse throughput…');
const parse = await parseThroughput();
console.log(parse);
console.log('bench: reduce throughput…');
const reduce = await reduceThroughput();
console.log(reduce);

const section = [
  '## Throughput (Node)',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine} (\`pnpm bench\`), a machine shared with other jobs.`,
  'Targets: decode + reduce + store at least 25 MB/s (PERFORMANCE-TARGETS.md); our transport at least as fast as',
  'eventsource-parser + `JSON.parse` at 1 KB and 64 KB chunks, and the 1M-token store run at least 0.8 of the',
  '`JSON.parse` + append floor (issue 18).',
  '',
  parse,
  '',
  reduce,
  '',
].join('\n');
console.log('bench: memory…');
const memorySection = await memory();
console.log(memorySection);
console.log('bench: worker posts…');
const workerSection = await workerClone();
console.log(workerSection);
const replaceSection = (text: string, title: string, body: string) => {
  const pattern = new RegExp(`## ${title.replace(/[()]/g, '\\$&')}[\\s\\S]*?(?=\\n## |$)`);
  return text.includes(`## ${title}`) ? text.replace(pattern, body) : `${text.trimEnd()}\n\n${body}`;
};
const current = existsSync(path)
  ? readFileSync(path, 'utf8')
  : '# Benchmarks\n\nEvery figure here is written by a command; re-run it to update.\n';
writeFileSync(
  path,
  replaceSection(
    replaceSection(replaceSection(current, 'Throughput (Node)', section), 'Memory (Node)', memorySection),
    'Worker transport: what crosses to the page (Node)',
    workerSection,
  ),
);
