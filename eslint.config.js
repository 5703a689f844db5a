import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

// The engine must stay pure: no UI, no DOM, no wall clock, no unseeded randomness.
const engineImportBans = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/sim is the pure engine: no React.' },
    { group: ['zustand', 'zustand/*'], message: 'src/sim is the pure engine: no zustand.' },
    { group: ['d3', 'd3-*'], message: 'src/sim is the pure engine: no D3.' },
    { group: ['**/ui/**', '**/store/**', '**/app/**'], message: 'src/sim may not import the UI, store or app.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    // Spreading an unbounded array into a call overflows the stack past ~100,000 elements
    // (issue #12: CA with 200,000 pending pods). Use pushAll/maxOf/minOf from src/sim/core/arrays.ts.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement", message: 'No spread into push/unshift/splice: use pushAll (src/sim/core/arrays.ts).' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min|hypot)$/] > SpreadElement", message: 'No spread into Math.max/min: use maxOf/minOf (src/sim/core/arrays.ts).' },
        { selector: "CallExpression[callee.property.name=/^(fromCharCode|fromCodePoint|apply)$/] > SpreadElement", message: 'No spread of an array into a call.' },
        // What an effect returns is its cleanup, which React calls on unmount: an expression body
        // returned scrollIntoView's Promise in Chromium 150 and the lesson panel crashed.
        { selector: "CallExpression[callee.name=/^use(Layout|Insertion)?Effect$/] > ArrowFunctionExpression[expression=true]:not([body.type='ArrowFunctionExpression']):first-child", message: 'An effect callback needs a block body: what it returns is its cleanup.' },
      ],
    },
  },
  {
    // Imports point down the layering (docs/architecture.md); a cycle means a type or function sits
    // in the wrong module (issue #13). Type-only cycles are caught by src/sim/importCycles.test.ts.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**', 'src/app/**', 'src/store/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', engineImportBans],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use the engine event queue.' },
        { name: 'setInterval', message: 'Use the engine event queue.' },
        { name: 'requestAnimationFrame', message: 'The engine has no frames.' },
        { name: 'window', message: 'No DOM in the engine.' },
        { name: 'document', message: 'No DOM in the engine.' },
        { name: 'performance', message: 'Time comes from the sim clock.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded RNG (core/rng.ts).' },
        { object: 'Date', property: 'now', message: 'Use the sim clock.' },
        { object: 'performance', property: 'now', message: 'Use the sim clock.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
