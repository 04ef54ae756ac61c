// ESLint (flat config) over Biome: the layering rules need `no-restricted-imports`, and the React layer needs
// eslint-plugin-react-hooks' rules-of-hooks / exhaustive-deps, which only ESLint runs faithfully.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports that reach into another package's files instead of naming the package. */
const intoOtherPackages = [
  {
    regex: '^(\\.\\./)+(packages|apps|core|react|widget|mock-server)/',
    message: 'Import another package by its name (@flowise-kit/...), not by a relative path.',
  },
  { regex: '^@flowise-kit/[^/]+/(src|dist)(/|$)', message: "Import a package's entry point, not its files." },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-profiling/**',
      '**/.tsc/**',
      '**/node_modules/**',
      '**/storybook-static/**',
      '**/coverage/**',
      '**/.next/**',
      'apps/nextjs/next-env.d.ts',
      'docs/api/**',
      'screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // The layering is the architecture; each package's imports are fenced (see the README's "Layout and decisions").
  {
    // core is the bottom: no React, no Node built-ins outside its tests, no other kit package.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts', 'packages/core/src/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zustand', message: '@flowise-kit/core has no React: use zustand/vanilla.' }],
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand/react*', 'zustand/traditional'],
              message: '@flowise-kit/core has no React.',
            },
            { group: ['node:*'], message: '@flowise-kit/core runs in browsers: no Node built-ins.' },
            { group: ['@flowise-kit/*'], message: '@flowise-kit/core depends on no other kit package.' },
            ...intoOtherPackages,
          ],
        },
      ],
    },
  },
  {
    // The server proxy runs wherever the Fetch API does (Next.js, Bun, Deno, Workers): no Node built-ins, no React.
    files: ['packages/server/src/**/*.ts'],
    ignores: ['packages/server/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: '@flowise-kit/server runs on the Fetch API alone: no Node built-ins.' },
            { group: ['react', 'react-dom', 'react/*'], message: '@flowise-kit/server has no React.' },
            ...intoOtherPackages,
          ],
        },
      ],
    },
  },
  {
    // react is a binding: core's public or internal entry point, never core's files or the transport underneath.
    files: ['packages/react/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@microsoft/fetch-event-source', message: 'Transport details stay in @flowise-kit/core.' }],
          patterns: [
            {
              group: ['@flowise-kit/widget', '@flowise-kit/widget/*'],
              message: 'react must not depend on the widget built on it.',
            },
            ...intoOtherPackages,
          ],
        },
      ],
    },
  },
  {
    // The widget, the demo, the mock server and the CLI use packages as their users do: by name, public entry points only.
    files: [
      'packages/widget/src/**/*.{ts,tsx}',
      'packages/mock-server/src/**/*.ts',
      'packages/cli/src/**/*.ts',
      'apps/*/src/**/*.{ts,tsx}',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@microsoft/fetch-event-source', message: 'Transport details stay in @flowise-kit/core.' }],
          patterns: [
            {
              group: ['@flowise-kit/core/internal'],
              message: 'The internal entry point is for @flowise-kit/react; use the public API.',
            },
            ...intoOtherPackages,
          ],
        },
      ],
    },
  },
);
