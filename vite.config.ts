import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { minifyCss } from './scripts/vite-minify-css.mjs';

const root = import.meta.dirname;
const external = (id: string) => /^(lit|@lit|d3-|idb)/.test(id);

/** Self-contained single files for a plain `<script type="module">` in any static page. */
const STANDALONE: Record<string, { entry: string; file: string }> = {
  // Only <sales-funnel>: what a site owner pastes to show a funnel.
  standalone: { entry: 'src/elements/sales-funnel/define.ts', file: 'sales-funnel.js' },
  // Every element: the funnel, the board, the simulator and the workspace.
  'standalone-all': { entry: 'src/index.ts', file: 'sales-elements.js' },
  // Team sync (Yjs, its IndexedDB persistence, the Hocuspocus provider): loaded by the two
  // files above from beside them, only when an element has `sync`.
  'standalone-sync': { entry: 'src/store/sync/shared.ts', file: 'sales-sync.js' },
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
 * - `--mode standalone`: `dist/sales-funnel.js`, `<sales-funnel>` alone in one file;
 * - `--mode standalone-all`: `dist/sales-elements.js`, every element in one file;
 * - `--mode standalone-sync`: `dist/sales-sync.js`, team sync, loaded by the two beside it;
 * - `--mode demo`: the demo site (`index.html` and `demo/`) as static files.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'demo') {
    return { base: './', plugins: [minifyCss()], build: { outDir: 'dist-demo' } };
  }
  const single = STANDALONE[mode];
  return {
    plugins: single ? [minifyCss(), syncBesideStandalone(mode)] : [minifyCss()],
    build: {
      outDir: single ? 'dist' : 'dist/lib',
      emptyOutDir: !single,
      sourcemap: true,
      lib: single
        ? { entry: resolve(root, single.entry), formats: ['es'], fileName: () => single.file }
        : {
            entry: {
              index: resolve(root, 'src/index.ts'),
              sim: resolve(root, 'src/sim/index.ts'),
              model: resolve(root, 'src/model/index.ts'),
              analytics: resolve(root, 'src/analytics/index.ts'),
              store: resolve(root, 'src/store/index.ts'),
            },
            formats: ['es'],
          },
      rolldownOptions: {
        external: single ? [] : external,
        // A standalone file must stay one file: lazy parts (presets, messages, the store behind
        // `pipeline`) are inlined. The library keeps them as chunks loaded on first use.
        output: single ? { minify: true, codeSplitting: false } : { minify: true },
      },
    },
  };
});
