import { defineConfig } from 'vite';

// Library build: one ES module, dependencies left to the consumer's bundler. Declarations come from tsc.
export default defineConfig({
  build: {
    lib: { entry: { index: 'src/index.ts', internal: 'src/internal.ts' }, formats: ['es'] },
    rollupOptions: {
      external: [/^zustand(\/|$)/],
      // TSDoc ships in the .d.ts (tsc); in the JavaScript it only weighs on every consumer's download.
      output: { comments: { legal: true, annotation: true, jsdoc: false } },
    },
    target: 'es2022',
    minify: false,
    sourcemap: true,
  },
});
