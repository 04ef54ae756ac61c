import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';

// ../shared may be a link: the dev server compares real paths.
const sharedPath = fileURLToPath(new URL('../../shared', import.meta.url));
const shared = existsSync(sharedPath) ? realpathSync(sharedPath) : sharedPath;

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../packages/*/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // Stories replay the recordings in ../shared/fixtures.
      server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url)), shared] } },
      resolve: {
        conditions: ['@flowise-kit/source'],
      },
    });
  },
};
export default config;
