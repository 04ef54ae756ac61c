/**
 * Which highlighter for `<Markdown>`'s code blocks? Two figures per candidate: the gzip size of what the browser
 * loads for the first code block (a production Vite build of a lazily imported entry, every chunk counted), and the
 * time to highlight a typical 40-line TypeScript block: cold (creating the highlighter, compiling the grammar) and
 * warm (median of 50). Node, not a browser: the times compare the candidates with each other.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { it } from 'vitest';

const CODE = Array.from({ length: 4 }, (_, i) =>
  [
    `// Block ${i}: a typical answer's code`,
    `import { readFile } from 'node:fs/promises';`,
    `export interface Options${i} { path: string; retries?: number; verbose: boolean }`,
    `export async function load${i}({ path, retries = 3 }: Options${i}): Promise<string[]> {`,
    `  for (let attempt = 0; attempt < retries; attempt++) {`,
    '    try { return (await readFile(path, "utf8")).split(/\\r?\\n/).filter(Boolean); }',
    '    catch (error) { console.warn(`attempt ${attempt} failed`, error); }',
    `  }\n  throw new Error('unreachable: ' + path + ${i * 42});\n}`,
  ].join('\n'),
).join('\n');

const LANGUAGES = [
  'typescript',
  'tsx',
  'javascript',
  'python',
  'bash',
  'json',
  'html',
  'css',
  'sql',
  'java',
  'go',
].concat(['rust', 'c', 'cpp', 'yaml', 'markdown']);

/** Entry modules as the renderer would import them lazily: each exports `highlight(code, lang)`. */
const CANDIDATES: Record<string, string> = {
  'lowlight 3 (highlight.js 11), `common`: 37 languages in one chunk': `
    import { createLowlight, common } from 'lowlight';
    const lowlight = createLowlight(common);
    export const highlight = (code, lang) => lowlight.highlight(lang, code);`,
  'lowlight 3, TypeScript alone': `
    import { createLowlight } from 'lowlight';
    import typescript from 'highlight.js/lib/languages/typescript';
    const lowlight = createLowlight({ typescript });
    export const highlight = (code, lang) => lowlight.highlight(lang, code);`,
  'shiki 4 core + JavaScript regex engine + TypeScript + github-light/dark': `
    import { createHighlighterCore } from 'shiki/core';
    import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
    let pending;
    export async function highlight(code, lang) {
      pending ??= createHighlighterCore({
        themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
        langs: [import('shiki/langs/typescript.mjs')],
        engine: createJavaScriptRegexEngine(),
      });
      return (await pending).codeToTokens(code, { lang, themes: { light: 'github-light', dark: 'github-dark' } });
    }`,
  'shiki 4 core + JavaScript engine + 16 common languages': `
    import { createHighlighterCore } from 'shiki/core';
    import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
    let pending;
    export async function highlight(code, lang) {
      pending ??= createHighlighterCore({
        themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
        langs: [${LANGUAGES.map((name) => `import('shiki/langs/${name}.mjs')`).join(', ')}],
        engine: createJavaScriptRegexEngine(),
      });
      return (await pending).codeToTokens(code, { lang, themes: { light: 'github-light', dark: 'github-dark' } });
    }`,
};

/** Gzip bytes of every chunk a production build emits for `source`. */
async function bundleSize(source: string): Promise<number> {
  const output = (await build({
    root: import.meta.dirname,
    logLevel: 'silent',
    configFile: false,
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === 'virtual:entry' ? '\0entry' : undefined),
        load: (id) => (id === '\0entry' ? source : undefined),
      },
    ],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      rollupOptions: { input: 'virtual:entry', preserveEntrySignatures: 'strict' },
    },
  })) as Rollup.RollupOutput;
  return output.output.reduce(
    (sum, file) => sum + gzipSync(file.type === 'chunk' ? file.code : (file.source as string | Uint8Array)).length,
    0,
  );
}

/** Cold and warm highlight times, in a fresh Node process so no module is cached or transformed by vitest. */
interface Timing {
  cold: number;
  warm: number;
}

function timing(source: string): Timing {
  const harness = `
    const started = performance.now();
    const { highlight } = await import('./entry.mjs');
    await highlight(${JSON.stringify(CODE)}, 'typescript');
    const cold = performance.now() - started;
    const runs = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await highlight(${JSON.stringify(CODE)}, 'typescript');
      runs.push(performance.now() - t);
    }
    console.log(JSON.stringify({ cold, warm: runs.sort((a, b) => a - b)[25] }));`;
  const dir = mkdtempSync(join(import.meta.dirname, '.highlighter-'));
  try {
    writeFileSync(join(dir, 'entry.mjs'), source);
    writeFileSync(join(dir, 'run.mjs'), harness);
    // Three fresh processes; the median of each figure (a shared 2-core machine is noisy).
    const runs = [0, 1, 2].map(
      () => JSON.parse(execFileSync(process.execPath, [join(dir, 'run.mjs')], { encoding: 'utf8' })) as Timing,
    );
    const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
    return { cold: median(runs.map((r) => r.cold)), warm: median(runs.map((r) => r.warm)) };
  } finally {
    rmSync(dir, { recursive: true });
  }
}

it('highlighter: lazy chunk size and highlight time of a 40-line block', async () => {
  const rows: string[] = [];
  for (const [name, source] of Object.entries(CANDIDATES)) {
    const size = await bundleSize(source);
    const { cold, warm } = timing(source);
    rows.push(`| ${name} | ${(size / 1024).toFixed(1)} kB | ${cold.toFixed(1)} ms | ${warm.toFixed(2)} ms |`);
  }
  console.log(
    [
      `| highlighter (${CODE.split('\n').length}-line TypeScript block) | lazy chunk, gzip | first block (cold) | warm, median of 50 |`,
      '|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
});
