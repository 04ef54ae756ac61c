import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
// By path: a config file is loaded by Node itself, which cannot import the harness's TypeScript by package name.
import { fixturesAlias, fixturesDir } from '../../tools/testing/src/fixtures.ts';
import { hookTimeout, testTimeout, workspaceAlias } from '../../vitest.shared.ts';

export default defineProject({
  plugins: [react()],
  // Stories replay the recordings of a real Flowise (`@flowise-kit/fixtures/<name>.http?raw`).
  resolve: { alias: [...workspaceAlias, fixturesAlias()] },
  server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url)), fixturesDir()] } },
  test: {
    name: 'react',
    testTimeout,
    hookTimeout,
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-support/setup.ts'],
    env: { EXPECTED_REACT_MAJOR: '19' },
  },
});
