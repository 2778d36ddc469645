// Lint for the whole tree, run by `npm test`. Type-aware where it catches real bugs in this kind of
// code (promises left floating in handlers and loops, `any` leaking out of parsed input), and the
// architecture's one hard rule: services share nothing but events and HTTP.
import js from '@eslint/js';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import boundaries from './deploy/lint/boundaries.cjs';

const ROOT = dirname(fileURLToPath(import.meta.url));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', '.local/**', '**/*.js', '**/*.mjs', '**/*.cjs', '**/openapi.metadata.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: ROOT } },
    plugins: { bangbang: { rules: { boundaries: boundaries.rule(ROOT) } } },
    rules: {
      'bangbang/boundaries': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Production code: nothing untyped leaks out of SQL results, parsed bodies or events. Tests and
    // benchmarks read answers they have just asserted on, and stay free to poke at JSON.
    files: ['services/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', 'bench/**/*.ts', 'deploy/seed/**/*.ts', 'deploy/simulator/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
