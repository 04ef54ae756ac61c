import { defineConfig } from 'vite';

// Library build: one ES module, dependencies left to the consumer's bundler. Declarations come from tsc.
export default defineConfig({
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    rollupOptions: { external: [/^zustand(\/|$)/, /^@microsoft\/fetch-event-source(\/|$)/] },
    target: 'es2022',
    minify: false,
    sourcemap: true,
  },
});
