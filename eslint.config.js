// Lint: typescript-eslint's recommended rules, plus the project's boundaries:
// the rules engine and the advisor are pure (no browser APIs), and only the
// background writes stored data.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const browserApis = ['chrome', 'browser', 'window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'fetch', 'XMLHttpRequest'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.bench-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/rules/**/*.ts', 'src/advice/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...browserApis.map((name) => ({ name, message: 'src/rules and src/advice are pure: no browser APIs.' }))],
      'no-restricted-imports': ['error', { patterns: [{ group: ['webextension-polyfill', 'preact', 'preact/*', '../background/*', '../content/*', '../popup/*', '../options/*'], message: 'src/rules and src/advice are pure: no browser or UI code.' }] }],
    },
  },
);
