#!/usr/bin/env node
// Fails (exit 1) when <sales-funnel> alone, Lit and everything else included, weighs more than
// the budget, gzipped. Same build step as the benchmark (bench/funnel/build.mjs); writes nothing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, kb, root } from '../bench/funnel/build.mjs';

const BUDGET_KB = 20;
const entry = join(root, 'src/elements/sales-funnel/define.ts');

if (!existsSync(entry)) {
  console.error(`size budget: ${entry.slice(root.length + 1)} is missing`);
  process.exit(1);
}
const { gzip, sources } = await bundle({ entry, name: 'sales-funnel' });
const over = gzip > BUDGET_KB * 1000;
console.log(
  `sales-funnel (element alone): ${kb(gzip)} KB gzip (budget ${BUDGET_KB} KB)` +
    (over ? ' — over budget' : ''),
);
if (over) {
  const total = sources.reduce((sum, s) => sum + s.rendered, 0);
  console.log('Largest parts (share of the bundle before minification):');
  for (const { source, rendered } of sources.slice(0, 8)) {
    console.log(`  ${((100 * rendered) / total).toFixed(0).padStart(3)} %  ${source}`);
  }
}
process.exit(over ? 1 : 0);
