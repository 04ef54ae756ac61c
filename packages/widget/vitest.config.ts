import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { testTimeout, workspaceAlias } from '../../vitest.shared.ts';

export default defineProject({
  plugins: [react()],
  resolve: { alias: workspaceAlias },
  test: {
    name: 'widget',
    testTimeout,
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['../react/src/test-support/setup.ts'],
  },
});
