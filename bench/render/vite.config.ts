import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Production build of the render benchmark page (React's production build, as users ship it).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  base: './',
  resolve: {
    conditions: ['@flowise-kit/source', 'module', 'browser', 'production'],
    // React's profiling build: production React whose <Profiler> still reports commits (for both renderers alike).
    alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }],
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
