import { defineProject } from 'vitest/config';
import { workspaceAlias } from '../vitest.shared.ts';

// Browser tests: playwright-core driving Debian's Chromium (/usr/bin/chromium; .ci/run installs it).
export default defineProject({
  resolve: { alias: workspaceAlias },
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
