/** `pnpm bench:render`: the Chromium render benchmark alone; rewrites its section of BENCHMARKS.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderCost } from './render';

const section = await renderCost();
console.log(section);
// BENCH_ONLY (one part, for a quick look) prints its figures and leaves BENCHMARKS.md as it is.
if (process.env.BENCH_ONLY) process.exit(0);
const path = resolve(import.meta.dirname, '../BENCHMARKS.md');
const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
const title = '## Render cost (Chromium)';
const next = current.includes(title)
  ? current.replace(/## Render cost \(Chromium\)[\s\S]*?(?=\n## |$)/, section)
  : current.replace('## Notes (written by hand', `${section}\n## Notes (written by hand`);
writeFileSync(path, next);
