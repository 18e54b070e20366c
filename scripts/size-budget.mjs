#!/usr/bin/env node
// Fails (exit 1) when <sales-funnel> weighs more than its budget, gzipped, Lit and everything
// else included. Built as a page loads it, with code splitting on (the same build step as the
// benchmark, bench/funnel/build.mjs; writes nothing), and chunked as a page's build chunks it:
// code the entry shares with a lazy chunk stays in the entry's file, as an app build (Vite's,
// a framework's) leaves it, rather than in the extra file library mode's strict entry
// signature cuts out (bench/funnel/build.mjs says why):
// - initial load: the define module's chunk and its static imports, which every page with the
//   element loads: at most 20 KB;
// - each lazy chunk, loaded by a dynamic import() only when an attribute needs it; the pages a
//   plain chart makes, initial + presets (`preset="…"`) and initial + the scenario reader
//   (`scenario="…"`), must each stay within 22 KB, so moving code behind an import() cannot
//   hide growth.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, kb } from '../bench/funnel/build.mjs';
import { root } from '../bench/lib.mjs';

const BUDGET_KB = 20;
const PAGE_BUDGET_KB = 22;
const entry = join(root, 'src/elements/sales-funnel/define.ts');

/** What loads each lazy module, by its source path. */
const TRIGGERS = {
  'src/model/preset-scenarios.ts': 'preset="…"',
  'src/model/validate-scenario.ts': 'scenario="…", or a scenario in compare="…"',
  'src/model/messages.ts': 'bad input (error message texts)',
  'src/elements/sales-funnel/controllers/pipeline-source.ts': 'pipeline="…" (store + analytics)',
  'src/elements/sales-funnel/controllers/export-image.ts': 'the first SVG/PNG export',
  'src/store/sync/shared.ts': 'pipeline="…" with sync="…" (Yjs, provider)',
};
/** The pages a plain chart makes beyond stage counts: what each loads on top of the initial load. */
const PAGES = [
  { name: 'preset="…"', what: 'presets', module: 'src/model/preset-scenarios.ts' },
  { name: 'scenario="…"', what: 'scenario reader', module: 'src/model/validate-scenario.ts' },
];

if (!existsSync(entry)) {
  console.error(`size budget: ${entry.slice(root.length + 1)} is missing`);
  process.exit(1);
}
const { initial, lazy } = await bundle({ entry, name: 'sales-funnel', split: true });
const failures = [];

const over = initial.gzip > BUDGET_KB * 1000;
if (over) failures.push(`initial load over ${BUDGET_KB} KB`);
console.log(
  `sales-funnel initial load (every page): ${kb(initial.gzip)} KB gzip (budget ${BUDGET_KB} KB)` +
    ` — ${initial.files.join(' + ')}`,
);

console.log('Lazy chunks (loaded on first use, on top of the initial load):');
for (const chunk of lazy) {
  const trigger = Object.keys(TRIGGERS).find((m) => chunk.modules.includes(m));
  const when = trigger ? TRIGGERS[trigger] : 'dynamic import()';
  console.log(`  +${kb(chunk.gzip)} KB  ${chunk.module}  when: ${when}`);
}
for (const page of PAGES) {
  const chunk = lazy.find((c) => c.modules.includes(page.module));
  // A module loaded statically is in the initial load already.
  const total = initial.gzip + (chunk?.gzip ?? 0);
  if (total > PAGE_BUDGET_KB * 1000)
    failures.push(`initial + ${page.what} over ${PAGE_BUDGET_KB} KB`);
  console.log(
    `sales-funnel with ${page.name} (initial + ${page.what}): ${kb(total)} KB gzip ` +
      `(budget ${PAGE_BUDGET_KB} KB)`,
  );
}

if (failures.length) {
  console.log(`Over budget: ${failures.join('; ')}.`);
  const total = initial.sources.reduce((sum, s) => sum + s.rendered, 0);
  console.log('Largest parts of the initial load (share before minification):');
  for (const { source, rendered } of initial.sources.slice(0, 10)) {
    console.log(`  ${((100 * rendered) / total).toFixed(0).padStart(3)} %  ${source}`);
  }
}
process.exit(failures.length ? 1 : 0);
