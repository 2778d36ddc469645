// Lint for the whole tree, run by `npm test`. Type-aware where it catches real bugs in this kind of
// code (promises left floating in handlers and loops, `any` leaking out of parsed input), and the
// architecture's one hard rule: services share nothing but events and HTTP.
import js from '@eslint/js';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));

/** Which service or lib a file belongs to, from its path relative to the root. */
function ownerOf(path) {
  const [top, name] = relative(ROOT, path).split(sep);
  return top === 'services' || top === 'libs' ? { top, name } : undefined;
}

const isTest = (path) => /\.(int-)?spec\.ts$/.test(path) || path.split(sep).includes('test');

/**
 * A service's code may not import another service's code, and a lib may not import a service's.
 * Tests may (the whole-district test starts every service in one process).
 */
const boundaries = {
  meta: { type: 'problem', schema: [], messages: { crossing: '{{from}} may not import {{to}}: services share only events and HTTP' } },
  create(context) {
    const file = context.filename;
    const from = ownerOf(file);
    if (!from || isTest(file)) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = ownerOf(resolve(dirname(file), source));
      if (!to || to.top !== 'services') return;
      if (from.top === 'libs' || to.name !== from.name) {
        context.report({ node, messageId: 'crossing', data: { from: `${from.top}/${from.name}`, to: `${to.top}/${to.name}` } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', '.local/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: ROOT } },
    plugins: { bangbang: { rules: { boundaries } } },
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
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
