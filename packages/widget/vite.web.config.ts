import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const preact = (path: string) => fileURLToPath(new URL(`./node_modules/preact/${path}`, import.meta.url));

/**
 * The script-tag build: one self-contained, minified ES module (dist/web.js). React is swapped for preact/compat
 * here only (a page embedding a chat widget should not pay ~45 kB gzip for react-dom); the React build of
 * `<ChatWidget>` uses the app's own React. The e2e tests run against this build.
 */
export default defineConfig({
  plugins: [react()],
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
  },
});
