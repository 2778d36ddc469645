// The architecture's one hard rule as an ESLint rule: a service's code may not import another
// service's code, and a lib may not import a service's. Tests may (the whole-district test starts
// every service in one process). CommonJS so that both eslint.config.mjs and jest load it.
const { dirname, relative, resolve, sep } = require('node:path');

const isTest = (path) => /\.(int-)?spec\.tsx?$/.test(path) || path.split(sep).includes('test');

/** The rule for a tree rooted at `root`. */
function rule(root) {
  /** Which service or lib a file belongs to, from its path relative to the root. */
  const ownerOf = (path) => {
    const [top, name] = relative(root, path).split(sep);
    return top === 'services' || top === 'libs' ? { top, name } : undefined;
  };
  return {
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
}

module.exports = { rule };
