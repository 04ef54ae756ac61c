import { defineProject } from 'vitest/config';
import { testTimeout, workspaceAlias } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: {
    name: 'mock-server',
    testTimeout,
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
