import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { hookTimeout, testTimeout, workspaceAlias } from '../../vitest.shared.ts';

export default defineProject({
  plugins: [react()],
  resolve: { alias: workspaceAlias },
  test: {
    name: 'widget',
    testTimeout,
    hookTimeout,
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['../react/src/test-support/setup.ts'],
  },
});
