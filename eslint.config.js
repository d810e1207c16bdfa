import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const appImports = ['**/apps/**', '@brave/server', '@brave/web'];
const nodeOnly = ['node:*', 'express', 'socket.io', 'socket.io-client', 'better-sqlite3', 'ws', 'react', 'react-dom', 'yjs'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
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
