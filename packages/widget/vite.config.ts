import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The React component build: dependencies external, CSS collected into dist/styles.css.
export default defineConfig({
  plugins: [react()],
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index', cssFileName: 'styles' },
    rollupOptions: {
      external: [/^react(\/|$)/, /^react-dom(\/|$)/, /^@flowise-kit\//],
      // TSDoc ships in the .d.ts (tsc); in the JavaScript it only weighs on every consumer's download.
      output: {
        comments: { legal: true, annotation: true, jsdoc: false },
        // "use client" heads the bundle so a React Server Component (Next.js App Router) can import and render it.
        // The React entry is a client component (state, effects, the DOM); a directive in a source module would be dropped by the bundler, so it is added here, once.
        banner: "'use client';",
      },
    },
    target: 'es2022',
    minify: false,
    sourcemap: true,
  },
});
