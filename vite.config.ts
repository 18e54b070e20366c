import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { licenseNotices } from './scripts/vite-license-notices.mjs';
import { minifyCss } from './scripts/vite-minify-css.mjs';
import { minifyHtml } from './scripts/vite-minify-html.mjs';
import pkg from './package.json' with { type: 'json' };

const root = import.meta.dirname;
const external = (id: string) => /^(lit|@lit|d3-|idb|react)/.test(id);

/**
 * One entry per element, named after its tag (`sales-funnel/define.ts` → `define/funnel.js`), found
 * rather than listed so that a new element folder gets its entry. Each defines its element and
 * what it renders; since each is an entry, another entry importing it imports that file, so
 * every `customElements.define` sits in a file `sideEffects` names.
 */
const ELEMENT_ENTRIES = Object.fromEntries(
  readdirSync(resolve(root, 'src/elements'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith('sales-'))
    .map((d) => [
      `define/${d.name.slice('sales-'.length)}`,
      resolve(root, 'src/elements', d.name, 'define.ts'),
    ]),
);

/**
 * Files for a plain `<script type="module">` in any static page: Lit and all included, what a
 * page needs up front in the entry, the rest (presets, error texts, the store behind
 * `pipeline`, export) in content-hashed chunks beside it, fetched relative to it on first use.
 */
const STANDALONE: Record<string, { entry: string; file: string }> = {
  // Only <sales-funnel>: what a site owner pastes to show a funnel.
  standalone: { entry: 'src/elements/sales-funnel/define.ts', file: 'sales-funnel' },
  // The iframe embed's script, `dist/embed.html` beside it (see src/elements/embed/).
  'standalone-embed': { entry: 'src/elements/embed/embed.ts', file: 'sales-funnel-embed' },
  // Every element, each loaded the first time the page uses its tag.
  'standalone-all': { entry: 'src/elements/autoload.ts', file: 'sales-elements' },
  // Team sync (Yjs, its IndexedDB persistence, the Hocuspocus provider): one file the others
  // load from beside them, only when an element has `sync`.
  'standalone-sync': { entry: 'src/store/sync/shared.ts', file: 'sales-sync' },
};

/**
 * In `sales-elements.js`, what every element renders with (Lit's core and the elements' shared
 * base) is one chunk: left to the automatic split, each combination of elements that shares a
 * part of it gets its own few-hundred-byte file, and each file costs a request and its own gzip
 * dictionary.
 */
const BASE_MODULES = [
  /node_modules\/(lit\/(index|decorators)|lit-html\/(lit-html|directive|directive-helpers))\.js$/,
  /node_modules\/(lit-element|@lit\/reactive-element)\//,
  /\/helpers\/esm\/decorate\.js$/,
  /src\/elements\/(shared-styles|sales-element|attributes|i18n|events|style-props)\.ts$/,
  /src\/elements\/controllers\/(lang-controller|error-reporter|resize-controller|focus-after-render|announcer|lazy-module)\.ts$/,
  /src\/model\/(format|text)\.ts$|src\/analytics\/numbers\.ts$/,
];
const BASE_GROUP = [
  { name: 'base', test: (id: string) => BASE_MODULES.some((m) => m.test(id.replace(/\\/g, '/'))) },
];

/** Writes `dist/embed.html`, the page an iframe loads (it loads `sales-funnel-embed.js`). */
const embedPage = {
  name: 'embed-page',
  generateBundle(this: { emitFile: (file: object) => string }) {
    const source = readFileSync(resolve(root, 'src/elements/embed/embed.html'), 'utf8');
    this.emitFile({ type: 'asset', fileName: 'embed.html', source });
  },
};

/** The one module a standalone file loads from beside it instead of inlining. */
const SYNC_MODULE = /\/store\/sync\/shared\.js$/;

/** In the standalone files, `import('…/store/sync/shared.js')` becomes `import('./sales-sync.js')`. */
const syncBesideStandalone = (mode: string): Plugin => ({
  name: 'sync-beside-standalone',
  enforce: 'pre',
  resolveId(source) {
    if (mode === 'standalone-sync' || !SYNC_MODULE.test(source)) return null;
    return { id: './sales-sync.js', external: true };
  },
});

/**
 * Builds from one config:
 * - default (`vite build`): the library for npm users, ES modules, dependencies external;
 * - `--mode standalone`: `dist/sales-funnel.js`, `<sales-funnel>` with its lazy parts;
 * - `--mode standalone-all`: `dist/sales-elements.js`, every element with its lazy parts;
 * - `--mode standalone-sync`: `dist/sales-sync.js`, team sync, loaded by the others beside it;
 * - `--mode standalone-embed`: `dist/embed.html` and its script, for an iframe;
 * - `--mode demo`: the demo site (`index.html` and `demo/`) as static files.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'demo') {
    return { base: './', plugins: [minifyCss(), minifyHtml()], build: { outDir: 'dist-demo' } };
  }
  /**
   * Workers (the import's, the board's search) are bundled on their own, as ES modules, and
   * found relative to the file that starts them (`base: './'`): the page may serve `dist/` from
   * any path or origin.
   */
  const workers = { base: './', worker: { format: 'es' as const } };
  const single = STANDALONE[mode];
  if (single) {
    return {
      ...workers,
      plugins: [
        minifyCss(),
        minifyHtml(),
        // The chart's first render runs most of these entries' code: compiled while it streams in.
        licenseNotices(pkg, { compileHints: mode === 'standalone' || mode === 'standalone-embed' }),
        syncBesideStandalone(mode),
        ...(mode === 'standalone-embed' ? [embedPage] : []),
      ],
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        sourcemap: true,
        copyPublicDir: false,
        lib: {
          entry: resolve(root, single.entry),
          formats: ['es'],
          fileName: () => `${single.file}.js`,
        },
        rolldownOptions: {
          // An imported constant is written where it is used: a module of constants only used
          // by two elements was a chunk of its own (`var e=.85`), a request on the board's first
          // screen; the funnel's first load is 50 B (gzip) smaller.
          optimization: { inlineConst: true },
          // The entry may export what its lazy chunks import from it (Lit's base classes), as a
          // page's own build does, rather than moving that into a second file every page loads.
          preserveEntrySignatures: 'allow-extension',
          output: {
            minify: true,
            // Team sync is one file the others load: what it loads on first use is inlined.
            ...(mode === 'standalone-sync' ? { codeSplitting: false } : {}),
            ...(mode === 'standalone-all' ? { codeSplitting: { groups: BASE_GROUP } } : {}),
            // Named after the element for a define module (`sales-elements-pipeline-….js`).
            chunkFileNames: (chunk) => {
              const element = /sales-([a-z]+)\/define\.ts$/.exec(chunk.facadeModuleId ?? '');
              return `${single.file}-${element ? element[1] : '[name]'}-[hash].js`;
            },
          },
        },
      },
    };
  }
  return {
    ...workers,
    plugins: [minifyCss(), minifyHtml()],
    build: {
      // The first of the builds: it empties `dist/`, so no stale hashed chunk stays beside the
      // script-tag files.
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      lib: {
        entry: {
          index: resolve(root, 'src/index.ts'),
          elements: resolve(root, 'src/elements/index.ts'),
          ...ELEMENT_ENTRIES,
          sim: resolve(root, 'src/sim/index.ts'),
          model: resolve(root, 'src/model/index.ts'),
          analytics: resolve(root, 'src/analytics/index.ts'),
          store: resolve(root, 'src/store/index.ts'),
          svg: resolve(root, 'src/svg.ts'),
          server: resolve(root, 'src/server.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: {
        external,
        output: {
          minify: true,
          entryFileNames: 'lib/[name].js',
          chunkFileNames: 'lib/[name]-[hash].js',
        },
      },
    },
  };
});
