import { fileURLToPath } from 'node:url';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Workspace packages resolve to their sources in tests, so no build is needed before `vitest`. Exact matches:
 * a plain `'@flowise-kit/core'` key would also rewrite `@flowise-kit/core/internal` to a path below index.ts.
 */
export const workspaceAlias = [
  { find: /^@flowise-kit\/core$/, replacement: source('./packages/core/src/index.ts') },
  { find: /^@flowise-kit\/core\/internal$/, replacement: source('./packages/core/src/internal.ts') },
  { find: /^@flowise-kit\/react$/, replacement: source('./packages/react/src/index.ts') },
  { find: /^@flowise-kit\/react\/styles\.css$/, replacement: source('./packages/react/src/styles/all.css') },
  { find: /^@flowise-kit\/widget$/, replacement: source('./packages/widget/src/index.ts') },
  { find: /^@flowise-kit\/mock-server$/, replacement: source('./packages/mock-server/src/index.ts') },
  { find: /^@flowise-kit\/cli$/, replacement: source('./packages/cli/src/index.ts') },
  { find: /^@flowise-kit\/server$/, replacement: source('./packages/server/src/index.ts') },
];

/**
 * Every project's test timeout. Vitest's 5 s default is too close on a loaded 2-core CI machine, where tests that take
 * about 2 s here (50 windows streaming at once, every chunk boundary of the recordings) have hit it. A hung test still
 * fails, only later.
 */
export const testTimeout = 20_000;

/** The same for `beforeAll`/`afterAll` hooks (servers started, browsers launched); vitest's default is 10 s. */
export const hookTimeout = 60_000;
