import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { hookTimeout, testTimeout, workspaceAlias } from '../../vitest.shared.ts';

/** ../shared may be a link: the dev server compares real paths. */
const sharedDir = (path: string) => (existsSync(path) ? realpathSync(path) : path);

export default defineProject({
  plugins: [react()],
  resolve: { alias: workspaceAlias },
  // Stories replay the recordings in ../shared/fixtures, beside the repository.
  server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url)), sharedDir(fileURLToPath(new URL('../../../shared', import.meta.url)))] } },
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
