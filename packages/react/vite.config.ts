import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Library build: one ES module plus one stylesheet (dist/styles.css) collecting every component's CSS and the
// theme. Dependencies stay external for the consumer's bundler; declarations come from tsc. The highlighter and KaTeX
// are imported lazily (components/Markdown/lazy.ts): their modules become chunks of their own beside index.js, and the
// consumer's bundler splits lowlight and katex (and KaTeX's stylesheet and fonts) out of the app's main bundle.
export default defineConfig({
  plugins: [react()],
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index', cssFileName: 'styles' },
    rollupOptions: {
      external: [
        /^react(\/|$)/,
        /^react-dom(\/|$)/,
        /^zustand(\/|$)/,
        /^@flowise-kit\//,
        'marked',
        'remend',
        /^katex(\/|$)/,
        /^lowlight(\/|$)/,
        /^dompurify(\/|$)/,
      ],
      // TSDoc ships in the .d.ts (tsc); in the JavaScript it only weighs on every consumer's download.
      output: {
        comments: { legal: true, annotation: true, jsdoc: false },
        // "use client" heads the bundle so a React Server Component (Next.js App Router) can import and render it.
        // Every export is client code (hooks, components that subscribe to a store); a directive in a source module would be dropped by the bundler, so it is added here, once.
        banner: "'use client';",
      },
    },
    target: 'es2022',
    minify: false,
    sourcemap: true,
  },
});
