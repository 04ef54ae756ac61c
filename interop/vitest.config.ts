import { defineConfig } from 'vitest/config';
import { workspaceAlias } from '../vitest.shared.ts';

// `pnpm test:flowise`: the interop suite against a real Flowise (not part of `pnpm test`; it installs ~3 GB once).
export default defineConfig({
  resolve: { alias: workspaceAlias },
  test: {
    name: 'interop',
    root: import.meta.dirname,
    include: ['*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
