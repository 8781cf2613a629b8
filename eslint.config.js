// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'client/dist/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    // The rules of hooks and the React Compiler's checks, on the client's components and hooks.
    files: ['client/src/**/*.ts', 'client/src/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // shared/ knows neither server nor client.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/server/**', '**/client/**', '../server/*', '../client/*'] }],
    },
  },
  {
    // Accounts and credentials mount no routes (server/http/routers.ts does) and reach no sockets
    // (server/realtime/socketRevocation.ts drops the revoked ones).
    files: ['server/auth/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'express', importNames: ['Router'], message: 'Routers belong in server/http/routes/' }],
          patterns: ['**/http/routes/**', '**/http/routers*', '**/http/app*', '**/realtime/**', '**/roles/api*'],
        },
      ],
    },
  },
  {
    // Pure core: no I/O in extraction, routing or the state fold.
    files: ['server/extract/**/*.ts', 'server/crises/**/*.ts', 'server/state/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'ioredis',
            'bullmq',
            'node:fs',
            'fs',
            'node:net',
            'node:http',
            '**/storage/**',
            '**/http/**',
            '**/realtime/**',
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
);
