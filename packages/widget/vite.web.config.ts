import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const preact = (path: string) => fileURLToPath(new URL(`./node_modules/preact/${path}`, import.meta.url));

/**
 * The markdown renderer loads its highlighter and KaTeX lazily (react's components/Markdown/lazy.ts). This build stays
 * one file: a lazy chunk would have to sit beside web.js (and take the shared preact/compat out of it), and KaTeX's
 * fonts cannot be declared inside the shadow root. So the script build has neither: code blocks keep their language
 * label and copy button as plain text, formulas show their source, and an HTML artifact shows as its source text
 * (DOMPurify is lazy too). The React entry (`<ChatWidget>`) has all three.
 */
const withoutLazyModules = {
  name: 'flowise-kit:without-lazy-markdown-modules',
  enforce: 'pre' as const,
  async resolveId(
    this: { resolve: (source: string, importer?: string, options?: object) => Promise<{ id: string } | null> },
    source: string,
    importer?: string,
  ) {
    if (!source.endsWith('/lazy.js') || !importer) return undefined;
    // Whoever imports it (the markdown renderer, the artifacts): the resolved file decides.
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    return resolved?.id.replaceAll('\\', '/').endsWith('/components/Markdown/lazy.ts')
      ? '\0flowise-kit-lazy'
      : undefined;
  },
  load: (id: string) =>
    id === '\0flowise-kit-lazy'
      ? `const none = { current: () => undefined, load: () => Promise.reject(new Error('not in the script build')) };
         export const highlighter = none;
         export const katex = none;
         export const sanitizer = none;`
      : undefined,
};

/**
 * The script-tag build: one self-contained, minified ES module (dist/web.js). React is swapped for preact/compat
 * here only (a page embedding a chat widget should not pay ~45 kB gzip for react-dom); the React build of
 * `<ChatWidget>` uses the app's own React. No syntax highlighting or KaTeX here (see withoutLazyModules). The e2e
 * tests run against this build.
 */
export default defineConfig({
  plugins: [withoutLazyModules, react()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  resolve: {
    conditions: ['@flowise-kit/source', ...defaultClientConditions],
    alias: [
      { find: /^react-dom\/client$/, replacement: preact('compat/client.mjs') },
      { find: /^react-dom$/, replacement: preact('compat/dist/compat.mjs') },
      { find: /^react\/jsx-runtime$/, replacement: preact('jsx-runtime/dist/jsxRuntime.mjs') },
      { find: /^react\/jsx-dev-runtime$/, replacement: preact('jsx-runtime/dist/jsxRuntime.mjs') },
      { find: /^react$/, replacement: preact('compat/dist/compat.mjs') },
    ],
  },
  build: {
    lib: { entry: 'src/web.tsx', formats: ['es'], fileName: 'web' },
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    cssCodeSplit: false,
    // The react package's other lazy chunks (ToolTrace's flow graph) go inline: one file, whatever it imports.
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
