import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { workspaceAlias } from '../../vitest.shared.ts';

export default defineProject({
  plugins: [react()],
  resolve: { alias: workspaceAlias },
  // Stories replay the recordings in ../shared/fixtures, beside the repository.
  server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url)), fileURLToPath(new URL('../../../shared', import.meta.url))] } },
  test: {
    name: 'react',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-support/setup.ts'],
    env: { EXPECTED_REACT_MAJOR: '19' },
  },
});
