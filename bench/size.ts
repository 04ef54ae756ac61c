/**
 * Sizes of what users download, beside flowise-embed's, measured in the same run: `pnpm bench:size`.
 * Builds the packages first, then writes the figures to BENCHMARKS.md (the "Size" section).
 */
import { execFileSync } from 'node:child_process';
import { build } from 'vite';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
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
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});

/**
 * What an app ships for a streaming chat, bundled and minified the same way (Vite library build, React external):
 * our hook and components beside the AI SDK's `useChat` + transport (with and without a markdown renderer), and
 * our core store beside flowise-sdk's client.
 */
const bundles: [string, string][] = [
  [
    'flowise-kit: `useFlowisePrediction` + ChatStream + SourceList + ToolTrace (markdown included)',
    "export { useFlowisePrediction, ChatStream, SourceList, ToolTrace } from '@flowise-kit/react';",
  ],
  [
    '@ai-sdk/react + ai: `useChat` + `DefaultChatTransport` (no markdown)',
    "export { useChat } from '@ai-sdk/react'; export { DefaultChatTransport } from 'ai';",
  ],
  [
    '@ai-sdk/react + ai + react-markdown + remark-gfm',
    "export { useChat } from '@ai-sdk/react'; export { DefaultChatTransport } from 'ai'; export { default as Markdown } from 'react-markdown'; export { default as gfm } from 'remark-gfm';",
  ],
  [
    'flowise-kit core: `createChatStore` (transport, reducer, store)',
    "export { createChatStore } from '@flowise-kit/core';",
  ],
  ['flowise-sdk 1.0.9: `FlowiseClient`', "export { FlowiseClient } from 'flowise-sdk';"],
];
const entries = resolve(import.meta.dirname, '.size-entries');
mkdirSync(entries, { recursive: true });
const bundled: typeof measured = [];
for (const [name, code] of bundles) {
  const entry = resolve(entries, `entry-${bundled.length}.js`);
  writeFileSync(entry, `${code}\n`);
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root: import.meta.dirname,
    build: {
      write: false,
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'bundle' },
      rollupOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/] },
    },
  })) as { output: { type: string; fileName: string; code?: string }[] }[];
  const js = output
    .flatMap((o) => o.output)
    .filter((chunk) => chunk.type === 'chunk')
    .map((chunk) => chunk.code ?? '')
    .join('');
  const bytes = Buffer.from(js);
  bundled.push({
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
rmSync(entries, { recursive: true, force: true });

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
  'Bundled for an app (Vite library build, minified, React and React DOM external, JavaScript only; our CSS is a separate 13 kB file):',
  '',
  '| bundle | raw | gzip -9 | brotli -11 |',
  '|---|---|---|---|',
  ...bundled.map((m) => `| ${m.name} | ${kb(m.raw)} | ${kb(m.gzip)} | ${kb(m.brotli)} |`),
  '',
].join('\n');

const path = resolve(repo, 'BENCHMARKS.md');
const current = existsSync(path)
  ? readFileSync(path, 'utf8')
  : '# Benchmarks\n\nEvery figure here is written by a command; re-run it to update.\n\n';
const next = current.includes('## Size')
  ? current.replace(/## Size[\s\S]*?(?=\n## |$)/, section)
  : `${current.trimEnd()}\n\n${section}`;
writeFileSync(path, next);
console.log(section);
