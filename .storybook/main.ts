import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
// By path, as in packages/react/vitest.config.ts: config files are loaded by Node, and this one needs only the
// harness's fixtures.
import { fixturesAlias, fixturesDir } from '../tools/testing/src/fixtures.ts';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../packages/*/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // Stories replay the recordings of a real Flowise (`@flowise-kit/fixtures/<name>.http?raw`).
      server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url)), fixturesDir()] } },
      resolve: {
        alias: [fixturesAlias()],
        conditions: ['@flowise-kit/source'],
      },
    });
  },
};
export default config;
