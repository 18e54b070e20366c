// The one build step every contender goes through in bench/funnel/run.mjs, so that sizes are
// comparable (scripts/size-budget.mjs gzips the same way): a Vite 8 library build (ES, nothing
// external), minified, gzipped at level 9. Lit's css`` templates are minified too
// (scripts/vite-minify-css.mjs), as the package build does. Chunks are cut as a page's build
// cuts them (see `bundle`), not as the npm package's are.
import { gzipSync } from 'node:zlib';
import { basename } from 'node:path';
import { root } from '../lib.mjs';
import { build } from 'vite';
import { minifyCss } from '../../scripts/vite-minify-css.mjs';
import { COMPILE_HINT } from '../../scripts/vite-license-notices.mjs';

/** 1 KB = 1000 bytes, as Vite prints it. */
export const kb = (bytes) => (bytes / 1000).toFixed(1);

/**
 * package.json's `sideEffects` lists only the dist files, so a build from source treats
 * `src/**` as side-effect free and silently drops a bare `import './define.js'`. Define
 * modules (and the package entry) exist for their side effect: keep them.
 */
const keepDefineModules = {
  name: 'keep-define-modules',
  transform(code, id) {
    if (/\/src\/(index|.*\/define)\.ts$/.test(id)) return { code, moduleSideEffects: true };
    return null;
  },
};

export function gzipBytes(source) {
  return gzipSync(source, { level: 9 }).length;
}

/**
 * Bundles `entry` (an absolute path) with everything it imports.
 *
 * With `split`, dynamic `import()`s stay separate chunks, as a page loads them: `initial` is the
 * entry chunk with everything it imports statically (what every page using the entry loads),
 * and `lazy` lists each dynamically imported chunk with what it adds on top of `initial`.
 * Without `split`, everything is one file (peers, and the standalone build).
 *
 * The entry is built as a page's bundler (or Vite's app build) builds it, not with library
 * mode's `preserveEntrySignatures: 'strict'`: strict keeps the entry module's exports exactly,
 * so code the entry shares with a lazy chunk (Lit's `ReactiveElement`, which `@lit/task` in the
 * pipeline chunk needs) is cut into a chunk of its own, a second file every page loads, though
 * no page build cuts it so. `'allow-extension'` lets the entry chunk also export what its lazy
 * chunks import from it, as a page build does. It changes nothing in a one-file build.
 *
 * With `compileHints`, entry chunks start with V8's compile hint, as `dist/sales-funnel.js` does
 * (`COMPILE_HINT`).
 *
 * Writes the files into `outDir`, or nothing when `outDir` is omitted.
 *
 * @param {{ entry: string, name: string, outDir?: string, split?: boolean, compileHints?: boolean }} options
 * @returns {Promise<{
 *   files: { file: string, bytes: number, gzip: number }[],
 *   gzip: number,
 *   initial: { files: string[], gzip: number, sources: { source: string, rendered: number }[] },
 *   lazy: { module: string, modules: string[], files: string[], gzip: number }[],
 *   sources: { source: string, rendered: number }[],
 * }>}
 */
export async function bundle({ entry, name, outDir, split = false, compileHints = false }) {
  const postBanner = (chunk) => (compileHints && chunk.isEntry ? COMPILE_HINT : '');
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    plugins: [keepDefineModules, minifyCss()],
    // Libraries read this to drop their development branches; a page build would set it too.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: Boolean(outDir),
      outDir: outDir ?? 'bench/.out/unused',
      emptyOutDir: Boolean(outDir),
      copyPublicDir: false,
      reportCompressedSize: false,
      cssMinify: 'lightningcss',
      lib: { entry, formats: ['es'], fileName: () => `${name}.js`, cssFileName: name },
      rolldownOptions: {
        // Vite's types leave this out of `rolldownOptions`, but pass it on; see above.
        preserveEntrySignatures: 'allow-extension',
        // `build.minify` leaves a library's ES output unminified in Vite 8; this does not.
        output: split
          ? { minify: true, postBanner }
          : { minify: true, postBanner, codeSplitting: false },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const files = outputs
    .filter((o) => /\.(js|css)$/.test(o.fileName))
    .map((o) => {
      const source = o.type === 'chunk' ? o.code : o.source;
      return {
        file: basename(o.fileName),
        bytes: Buffer.byteLength(source),
        gzip: gzipBytes(source),
      };
    });
  const { initial, lazy } = loadGraph(outputs, files);
  return {
    files,
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    initial,
    lazy,
    sources: sourcesBySize(outputs),
  };
}

/**
 * What a page loads up front (the entry chunk, CSS files and the static imports, transitively)
 * and what each dynamic `import()` adds later (its chunk and the static imports not loaded
 * yet). `modules` are the source modules of the imported chunk itself; `module` names it by the
 * one the `import()` names, or (a chunk shared with another lazy chunk has no facade) by its
 * first source module.
 */
function loadGraph(outputs, files) {
  const chunks = new Map(outputs.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const gzipOf = new Map(files.map((f) => [f.file, f.gzip]));
  const closure = (start, have) => {
    const seen = new Set();
    const visit = (fileName) => {
      if (seen.has(fileName) || have.has(fileName)) return;
      seen.add(fileName);
      chunks.get(fileName)?.imports.forEach(visit);
    };
    visit(start);
    return [...seen];
  };
  const sum = (names) => names.reduce((s, n) => s + gzipOf.get(basename(n)), 0);
  const entries = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
  const css = outputs.filter((o) => o.fileName.endsWith('.css')).map((o) => o.fileName);
  const initialSet = new Set([...css, ...entries.flatMap((e) => closure(e, new Set()))]);
  const lazyNames = new Set([...initialSet].flatMap((f) => chunks.get(f)?.dynamicImports ?? []));
  const lazy = [...lazyNames]
    .filter((f) => !initialSet.has(f))
    .map((f) => {
      const added = closure(f, initialSet);
      const chunk = chunks.get(f);
      const modules = Object.keys(chunk.modules).map((id) => id.replace(`${root}/`, ''));
      const module =
        chunk.facadeModuleId?.replace(`${root}/`, '') ??
        modules.find((m) => m.startsWith('src/')) ??
        f;
      return { module, modules, files: added.map((n) => basename(n)), gzip: sum(added) };
    });
  const initialFiles = [...initialSet];
  return {
    initial: {
      files: initialFiles.map((n) => basename(n)),
      gzip: sum(initialFiles),
      sources: sourcesBySize(outputs.filter((o) => initialSet.has(o.fileName))),
    },
    lazy,
  };
}

/**
 * What went into the bundle, largest first: source files by path, dependencies by package;
 * bytes as rendered into the bundle before minification (a guide to what to trim).
 */
function sourcesBySize(outputs) {
  const bytes = new Map();
  for (const chunk of outputs.filter((o) => o.type === 'chunk')) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
      const key = pkg ? pkg[1] : id.replace(`${root}/`, '');
      bytes.set(key, (bytes.get(key) ?? 0) + info.renderedLength);
    }
  }
  return [...bytes]
    .map(([source, rendered]) => ({ source, rendered }))
    .filter((s) => s.rendered > 0)
    .sort((a, b) => b.rendered - a.rendered);
}
