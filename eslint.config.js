import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const appImports = ['**/apps/**', '@brave/server', '@brave/web'];
const nodeOnly = ['node:*', 'express', 'socket.io', 'socket.io-client', 'better-sqlite3', 'ws', 'react', 'react-dom', 'yjs'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        // Types come from the nearest tsconfig.json: the root one (packages, server, test,
        // bench, scripts, vitest.config.ts) or apps/web/tsconfig.json (the web app, its
        // tests, vite.config.ts). The plain JS files at the edges get a default project.
        projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      // In the preset already; named so no preset change can drop them. An unawaited
      // store write is a lost acknowledgement, and an async callback where a void one is
      // expected is an error nobody hears.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    // Tests compare against vitest's asymmetric matchers (expect.any, stringContaining),
    // JSON read back from the wire and page objects evaluated in the browser, all typed
    // `any`; the assertions are what check them, so casts here would check nothing.
    files: ['test/**', '**/test/**', 'scripts/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The web app: hooks are called unconditionally and effects name what they read.
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // core is pure: no I/O, no frameworks, no transport.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'packages/core must stay pure (no I/O or frameworks).' },
            { group: appImports, message: 'packages must not import apps' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'core takes time as an argument' }],
    },
  },
  {
    // packages never import apps; protocol imports nothing of ours.
    files: ['packages/protocol/src/**/*.ts', 'packages/client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: appImports, message: 'packages must not import apps' }] }],
    },
  },
);
