import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The script-tag build: one self-contained ES module, React included, minified (dist/web.js).
export default defineConfig({
  plugins: [react()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  resolve: { conditions: ['@flowise-kit/source', ...defaultClientConditions] },
  build: {
    lib: { entry: 'src/web.tsx', formats: ['es'], fileName: 'web' },
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    cssCodeSplit: false,
  },
});
