// Lint: TypeScript and Astro files, with the rules that catch real bugs; formatting is Prettier's job.
// TypeScript files are linted with type information (a floating promise, an `any` leaking out of JSON.parse, a
// needless cast), and the views' hand-written hook dependency arrays are checked by React's own hooks plugin, which
// reads Preact's hooks the same way (they share names and rules).
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import reactHooks from 'eslint-plugin-react-hooks';

const TS = ['**/*.ts', '**/*.tsx'];
const TESTS = ['**/__tests__/**', 'e2e/**'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'reports/', 'test-results/', 'playwright-report/'] },
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: TS })),
  {
    files: TS,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Decimal values print their exact digits in messages; numbers and booleans read fine too.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allow: [{ from: 'package', name: 'Decimal', package: 'decimal.js' }] },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // node:test's test() and Playwright's test.describe() return promises their runners await.
    files: TESTS,
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['scripts/**', 'e2e/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
);
