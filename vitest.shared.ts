import { fileURLToPath } from 'node:url';

/** Workspace packages resolve to their sources in tests, so no build is needed before `vitest`. */
export const workspaceAlias = {
  '@flowise-kit/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
  '@flowise-kit/react': fileURLToPath(new URL('./packages/react/src/index.ts', import.meta.url)),
  '@flowise-kit/widget': fileURLToPath(new URL('./packages/widget/src/index.ts', import.meta.url)),
  '@flowise-kit/mock-server': fileURLToPath(new URL('./packages/mock-server/src/index.ts', import.meta.url)),
};

/**
 * Every project's test timeout. Vitest's 5 s default is too close on a loaded 2-core CI machine, where tests that take
 * about 2 s here (50 windows streaming at once, every chunk boundary of the recordings) have hit it. A hung test still
 * fails, only later.
 */
export const testTimeout = 20_000;

/** The same for `beforeAll`/`afterAll` hooks (servers started, browsers launched); vitest's default is 10 s. */
export const hookTimeout = 60_000;
