// The linter: ESLint's and typescript-eslint's recommended rules for TypeScript, eslint-plugin-astro's for .astro.
// Formatting is Prettier's job (.prettierrc.json), so no stylistic rules here.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '**/.astro/',
      'node_modules/',
      'bench/out/',
      'test-results/',
      'playwright-report/',
      'src/content/articles/',
      '.ingest-tmp*/',
      'tests/fixture-corpus/build/',
      'tests/fixture-corpus/.astro/',
      'tests/realworld-site/build/',
      'tests/realworld-site/corpus/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring something away).
      // The ingest and its tests look for control characters in untrusted text on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
