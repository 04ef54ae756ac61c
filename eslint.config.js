// ESLint (flat config) over Biome: the layering rules need `no-restricted-imports`, and the React layer needs
// eslint-plugin-react-hooks' rules-of-hooks / exhaustive-deps, which only ESLint runs faithfully.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/dist-profiling/**', '**/.tsc/**', '**/node_modules/**', '**/storybook-static/**', '**/coverage/**', 'docs/api/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The layering is the architecture: core never imports React, nor Node built-ins outside its tests.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts', 'packages/core/src/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zustand', message: '@flowise-kit/core has no React: use zustand/vanilla.' }],
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand/react*', 'zustand/traditional'], message: '@flowise-kit/core has no React.' },
            { group: ['node:*'], message: '@flowise-kit/core runs in browsers: no Node built-ins.' },
          ],
        },
      ],
    },
  },
);
