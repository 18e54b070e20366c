// The `sales-funnel/server` entry bundled from source for Node, as a server imports it: esbuild
// with every package external, so Lit resolves to its Node build (isServer is true there).
// Shared by scripts/ssr-check.mjs and the hydration tests' plugin (test/ssr/plugin.mjs).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../bench/lib.mjs';

/**
 * Bundles `src/server.ts` and resolves to the bundle's path: in node_modules, so the bundle's
 * imports resolve, in a folder named after this checkout (checkouts may share a node_modules).
 */
export async function bundleServer() {
  const checkout = createHash('sha256').update(root).digest('hex').slice(0, 12);
  const out = join(root, `node_modules/.cache/sales-funnel-ssr-${checkout}`);
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: { elements: join(root, 'src/server.ts') },
    outdir: out,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
    tsconfig: join(root, 'tsconfig.json'),
  });
  return join(out, 'elements.js');
}
