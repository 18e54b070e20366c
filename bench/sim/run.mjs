// Bundles the engine's benchmark (TypeScript) with esbuild into bench/.out/ and runs it in node.
// Usage: node bench/sim/run.mjs
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outfile = here('../.out/sim-bench.mjs');
await build({
  entryPoints: [here('./bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
