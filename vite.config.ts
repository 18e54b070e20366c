import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { minifyCss } from './scripts/vite-minify-css.mjs';

const root = import.meta.dirname;
const external = (id: string) => /^(lit|@lit|d3-|idb)/.test(id);

/**
 * Three builds from one config:
 * - default (`vite build`): the library for npm users, ES modules, dependencies external;
 * - `--mode standalone`: one self-contained `dist/sales-funnel.js` for a plain
 *   `<script type="module">` in any static page;
 * - `--mode demo`: the demo site (`index.html` and `demo/`) as static files.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'demo') {
    return { base: './', build: { outDir: 'dist-demo' } };
  }
  const standalone = mode === 'standalone';
  return {
    plugins: [minifyCss()],
    build: {
      outDir: standalone ? 'dist' : 'dist/lib',
      emptyOutDir: !standalone,
      sourcemap: true,
      lib: standalone
        ? {
            entry: resolve(root, 'src/index.ts'),
            formats: ['es'],
            fileName: () => 'sales-funnel.js',
          }
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
        external: standalone ? [] : external,
        // The standalone file must stay one file: lazy parts (the store behind `pipeline`) are inlined.
        output: standalone ? { minify: true, codeSplitting: false } : { minify: true },
      },
    },
  };
});
