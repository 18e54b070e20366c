// The one build step every contender goes through, shared by bench/funnel/run.mjs and
// scripts/size-budget.mjs so that sizes are comparable: a Vite 8 library build (ES, one
// self-contained file, nothing external), minified, gzipped at level 9.
import { gzipSync } from 'node:zlib';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The repository root, without a trailing slash. */
export const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

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
 * Writes `<name>.js` (and `<name>.css` when the entry imports CSS) into `outDir`, or
 * nothing when `outDir` is omitted. Returns what a page must load, with raw and gzip sizes.
 *
 * @param {{ entry: string, name: string, outDir?: string }} options
 * @returns {Promise<{
 *   files: { file: string, bytes: number, gzip: number }[],
 *   gzip: number,
 *   sources: { source: string, rendered: number }[],
 * }>}
 */
export async function bundle({ entry, name, outDir }) {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    plugins: [keepDefineModules],
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
        // `build.minify` leaves a library's ES output unminified in Vite 8; this does not.
        output: { minify: true, codeSplitting: false },
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
  return {
    files,
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    sources: sourcesBySize(outputs),
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
