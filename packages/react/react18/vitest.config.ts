import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { hookTimeout, testTimeout, workspaceAlias } from '../../../vitest.shared.ts';

/**
 * The React layer's tests again, on React 18. The sources live in ../src and would find React 19 beside them, so
 * React and every library that imports it are deduped to this folder's copies, which resolve React 18.
 */
const source = fileURLToPath(new URL('../src', import.meta.url));

/** ../shared may be a link: the dev server compares real paths. */
const sharedDir = (path: string) => (existsSync(path) ? realpathSync(path) : path);

export default defineProject({
  plugins: [react()],
  resolve: {
    alias: workspaceAlias,
    dedupe: ['react', 'react-dom', 'zustand', '@testing-library/react'],
  },
  server: {
    fs: {
      allow: [
        fileURLToPath(new URL('../../..', import.meta.url)),
        sharedDir(fileURLToPath(new URL('../../../../shared', import.meta.url))),
      ],
    },
  },
  test: {
    name: 'react-18',
    testTimeout,
    hookTimeout,
    dir: source,
    environment: 'happy-dom',
    include: ['**/*.test.{ts,tsx}'],
    // Storybook's renderer is exercised on React 19 only.
    exclude: ['**/node_modules/**', '**/stories.test.tsx'],
    setupFiles: [`${source}/test-support/setup.ts`],
    env: { EXPECTED_REACT_MAJOR: '18' },
    server: { deps: { inline: [/@flowise-kit/] } },
  },
});
