import { defineConfig } from 'vite';

// Library build: one ES module, dependencies left to the consumer's bundler. Declarations come from tsc.
export default defineConfig({
  // The worker's script is inlined into dist/worker.js as a string: minified, it is all the worker entry weighs.
  worker: { format: 'iife', rolldownOptions: { output: { minify: true, comments: false, sourcemap: false } } },
  build: {
    lib: { entry: { index: 'src/index.ts', internal: 'src/internal.ts', worker: 'src/worker.ts' }, formats: ['es'] },
    rollupOptions: {
      // The worker entry imports the package's own index by name (see src/worker/worker-transport.ts).
      external: [/^zustand(\/|$)/, /^@flowise-kit\/core$/],
      // TSDoc ships in the .d.ts (tsc); in the JavaScript it only weighs on every consumer's download.
      output: { comments: { legal: true, annotation: true, jsdoc: false } },
    },
    target: 'es2022',
    minify: false,
    sourcemap: true,
  },
});
