import { defineConfig } from 'vitest/config';
import { workspaceAlias } from '../vitest.shared.ts';

// Browser tests: playwright-core driving Debian's Chromium (/usr/bin/chromium; .ci/run installs it). They run
// after the unit suites, alone, so timing-sensitive checks (auto-scroll) do not compete for the two cores.
export default defineConfig({
  resolve: { alias: workspaceAlias },
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    environment: 'node',
    include: ['**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '../.vitest-e2e-report.json' }]] : ['default'],
  },
});
