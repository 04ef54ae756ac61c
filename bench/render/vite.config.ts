import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Production builds of the render benchmark page, as users ship them. BENCH_PROFILING=1 builds a second copy on
// React's profiling build, whose <Profiler> reports each commit's render time (used for the long-conversation
// figures only: its performance-track logging adds script time, so cost figures come from the plain build).
const profiling = Boolean(process.env.BENCH_PROFILING);
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  base: './',
  resolve: {
    conditions: ['@flowise-kit/source', 'module', 'browser', 'production'],
    alias: profiling ? [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] : [],
  },
  build: {
    outDir: profiling ? 'dist-profiling' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: process.env.BENCH_NO_MINIFY ? false : 'oxc',
  },
});
