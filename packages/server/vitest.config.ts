import { defineProject } from 'vitest/config';
import { hookTimeout, testTimeout, workspaceAlias } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: {
    name: 'server',
    testTimeout,
    hookTimeout,
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
