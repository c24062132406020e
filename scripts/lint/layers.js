// The layers of Holdfast as a lint rule: each folder names the folders it may import from, and an
// import that reaches anywhere else is an error. Relative imports are resolved to the file they
// name, so "../../shells/web/x" from main/core is caught however deep the importing file sits.
// Packages are not this rule's business (electron and node: built-ins have their own rules).
import path from 'node:path';

/** Folder → the folders its files may import from (its own always included). Longest match wins. */
export const LAYERS = {
  'main/contract': ['main/contract'],
  'main/shared': ['main/contract', 'main/shared'],
  'main/core': ['main/contract', 'main/shared', 'main/core'],
  'main/cli': ['main/contract', 'main/shared', 'main/core', 'main/cli'],
  'main/shells': ['main/contract', 'main/shared', 'main/core', 'main/shells'],
  renderer: ['main/contract', 'main/shared', 'renderer'],
};

const WHY = {
  'main/contract': 'the contract is the API both sides share and depends on nothing',
  'main/shared': 'shared code is pure and may use only the contract',
  'main/core':
    'the core is plain Node behind the contract: it never imports a shell, a transport, the CLI or the renderer',
  'main/cli': 'command-line tools use the core, never a shell or the renderer',
  'main/shells': 'the shells wrap the core and serve the renderer’s built files, never its source',
  renderer: 'the renderer reaches the core only through the contract (renderer/api.ts)',
};

const layerOf = (file) =>
  Object.keys(LAYERS)
    .filter((layer) => file === layer || file.startsWith(`${layer}/`))
    .sort((a, b) => b.length - a.length)[0];

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Imports follow the layers: contract ← shared ← core ← shells and cli; renderer ← contract, shared',
    },
    schema: [],
    messages: {
      crossing: '{{from}} may not import {{to}} ({{why}}).',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const from = layerOf(file);
    if (!from) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = path
        .relative(root, path.resolve(path.dirname(context.filename), specifier))
        .split(path.sep)
        .join('/');
      const allowed = LAYERS[from].some(
        (layer) => target === layer || target.startsWith(`${layer}/`),
      );
      if (!allowed)
        context.report({ node, messageId: 'crossing', data: { from, to: target, why: WHY[from] } });
    };
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { layers: layersRule } };
