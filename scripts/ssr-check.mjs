#!/usr/bin/env node
// Server rendering: every element renders under @lit-labs/ssr in Node (through the
// `sales-funnel/server` entry), where there is no DOM
// (only Lit's minimal shim), into declarative shadow DOM. Bundles the elements from source
// (scripts/ssr-bundle.mjs) and runs test/ssr/render.test.mjs on them with Node's test runner.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../bench/lib.mjs';
import { bundleServer } from './ssr-bundle.mjs';

const bundle = await bundleServer();
const result = spawnSync(process.execPath, ['--test', join(root, 'test/ssr/render.test.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, SALES_SSR_BUNDLE: bundle },
});
process.exit(result.status ?? 1);
