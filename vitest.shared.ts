import { fileURLToPath } from 'node:url';

/** Workspace packages resolve to their sources in tests, so no build is needed before `vitest`. */
export const workspaceAlias = {
  '@flowise-kit/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
  '@flowise-kit/react': fileURLToPath(new URL('./packages/react/src/index.ts', import.meta.url)),
  '@flowise-kit/widget': fileURLToPath(new URL('./packages/widget/src/index.ts', import.meta.url)),
  '@flowise-kit/mock-server': fileURLToPath(new URL('./packages/mock-server/src/index.ts', import.meta.url)),
};
