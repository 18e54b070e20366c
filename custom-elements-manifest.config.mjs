/**
 * The manifest describes what the package ships and what a page may use: each element in the
 * file that registers it (`dist/lib/define/<name>.js`), the base class in the class-only entry
 * (`dist/lib/elements.js`), public members only, and type texts without comments (tools paste
 * them into generated code, where a nested comment breaks it).
 */
const ELEMENT_MODULE = /^src\/elements\/sales-([a-z]+)\/sales-\1\.ts$/;
const BASE_MODULE = 'src/elements/sales-element.ts';
const CLASSES_ENTRY = 'dist/lib/elements.js';

/** Where a source module's declarations ship, or `undefined` for a module that is not public. */
function shippedPath(path) {
  const source = path.replace(/^\.?\//, '').replace(/\.js$/, '.ts');
  const element = ELEMENT_MODULE.exec(source);
  if (element) return `dist/lib/define/${element[1]}.js`;
  return source === BASE_MODULE ? CLASSES_ENTRY : undefined;
}

/** Comments out of every `type.text`, tidied onto one line. */
function cleanTypes(node) {
  if (Array.isArray(node)) return node.forEach(cleanTypes);
  if (!node || typeof node !== 'object') return;
  if (node.type && typeof node.type.text === 'string') {
    node.type.text = node.type.text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/[^\n]*/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  }
  Object.values(node).forEach(cleanTypes);
}

function publicApiOnly() {
  return {
    name: 'sales-funnel-public-api',
    packageLinkPhase({ customElementsManifest: manifest }) {
      manifest.modules = manifest.modules
        .filter((module) => shippedPath(module.path))
        .map((module) => {
          const path = shippedPath(module.path);
          // Classes only; the abstract base is a class, not an element without a tag.
          const classes = (module.declarations ?? []).filter((d) => d.kind === 'class');
          const declarations = classes.map(({ customElement, ...d }) => ({
            ...d,
            ...(customElement && d.tagName ? { customElement } : {}),
            members: (d.members ?? []).filter((m) => !m.privacy || m.privacy === 'public'),
            superclass:
              d.superclass?.module && shippedPath(d.superclass.module)
                ? { name: d.superclass.name, module: shippedPath(d.superclass.module) }
                : d.superclass,
          }));
          const exports = declarations.flatMap((d) => [
            { kind: 'js', name: d.name, declaration: { name: d.name, module: path } },
            ...(d.tagName
              ? [
                  {
                    kind: 'custom-element-definition',
                    name: d.tagName,
                    declaration: { name: d.name, module: path },
                  },
                ]
              : []),
          ]);
          return { ...module, path, declarations, exports };
        });
      cleanTypes(manifest.modules);
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  litelement: true,
  outdir: '.',
  plugins: [publicApiOnly()],
};
