import { defineConfig } from 'vitest/config';

// One vitest run covers every package; each package keeps its own config beside its code.
// In CI a JSON report is written as well, so .ci/run can print a plain "N passed, N failed" line.
export default defineConfig({
  test: {
    projects: ['packages/*', 'packages/react/react18'],
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
  },
});
