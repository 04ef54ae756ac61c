import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';

const shared = fileURLToPath(new URL('../../shared', import.meta.url));

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
