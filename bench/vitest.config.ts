import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { workspaceAlias } from '../vitest.shared.ts';

// Measurements, not tests: run with `pnpm bench:markdown`; they print figures and assert nothing about time.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: workspaceAlias, dedupe: ['react', 'react-dom'] },
  test: { root: import.meta.dirname, environment: 'happy-dom', include: ['**/*.measure.tsx'], testTimeout: 600_000 },
});
