#!/usr/bin/env node
// Server rendering: every element renders under @lit-labs/ssr in Node (through the
// `sales-funnel/server` entry), where there is no DOM
// (only Lit's minimal shim), into declarative shadow DOM. Bundles the elements from source with
// esbuild (packages stay external, so Lit resolves to its Node build) and runs
// test/ssr/render.test.mjs on them with Node's test runner.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../bench/lib.mjs';

const out = join(root, 'node_modules/.cache/sales-funnel-ssr');
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
const result = spawnSync(process.execPath, ['--test', join(root, 'test/ssr/render.test.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, SALES_SSR_BUNDLE: join(out, 'elements.js') },
});
process.exit(result.status ?? 1);
