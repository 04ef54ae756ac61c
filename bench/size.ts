/**
 * Sizes of what users download, beside flowise-embed's, measured in the same run: `pnpm bench:size`.
 * Builds the packages first, then writes the figures to BENCHMARKS.md (the "Size" section).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const repo = resolve(import.meta.dirname, '..');
execFileSync('pnpm', ['build'], { cwd: repo, stdio: 'ignore' });

const files: [string, string][] = [
  ['@flowise-kit/widget dist/web.js (script build, preact/compat bundled)', 'packages/widget/dist/web.js'],
  ['@flowise-kit/core dist/index.js (unminified, no deps)', 'packages/core/dist/index.js'],
  ['@flowise-kit/react dist/index.js (unminified, no deps)', 'packages/react/dist/index.js'],
  ['flowise-embed 3.1.6 dist/web.js', 'bench/node_modules/flowise-embed/dist/web.js'],
];
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const measured = files.map(([name, path]) => {
  const bytes = readFileSync(resolve(repo, path));
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
});
const widget = measured[0]!;
const embed = measured[3]!;
const section = [
  '## Size',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version} (\`pnpm bench:size\`).`,
  '',
  '| file | raw | gzip -9 | brotli -11 |',
  '|---|---|---|---|',
  ...measured.map((m) => `| ${m.name} | ${kb(m.raw)} | ${kb(m.gzip)} | ${kb(m.brotli)} |`),
  '',
  `Widget script vs flowise-embed: **${((widget.gzip / embed.gzip) * 100).toFixed(0)} %** of its gzip size (${(embed.gzip / widget.gzip).toFixed(2)}× smaller; goal: at most a third).`,
  '',
].join('\n');

const path = resolve(repo, 'BENCHMARKS.md');
const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\nEvery figure here is written by a command; re-run it to update.\n\n';
const next = current.includes('## Size') ? current.replace(/## Size[\s\S]*?(?=\n## |$)/, section) : `${current.trimEnd()}\n\n${section}`;
writeFileSync(path, next);
console.log(section);
