// Proves the pure layers run in Node with no DOM: bundles `src/model`, `src/sim` and
// `src/analytics` as they are published (`sales-funnel/model`, `/sim`, `/analytics`) and uses
// each once. Any use of `window`, `document` or `HTMLElement` would throw here.
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = `
  import { getPreset, parseScenario } from './src/model/index.ts';
  import { project, simulate, leadsNeeded, ScenarioError } from './src/sim/index.ts';
  import { samplePipeline, sampleHistory, stageStats } from './src/analytics/index.ts';
  const parsed = parseScenario(getPreset('pipeline-7').scenario);
  if (!parsed.ok) throw new Error('preset does not parse');
  const won = project(parsed.value).won;
  const mc = simulate(parsed.value, { trials: 1000, seed: 1 });
  const need = leadsNeeded(parsed.value, { won: 40 });
  // The engine checks what it is given, with the same messages as in the browser.
  const raw = { leads: 1000, dealValue: 100, stages: [{ name: 'a', rate: 0.5 }, { name: 'b', rate: 0.2 }] };
  if (Math.abs(project(raw).won - 100) > 1e-9) throw new Error('raw scenario misread');
  let refused;
  try {
    project({ ...raw, leads: -5 });
  } catch (e) {
    refused = e;
  }
  if (!(refused instanceof ScenarioError) || refused.errors[0].path !== 'leads') {
    throw new Error('an invalid scenario was not refused with a ScenarioError: ' + refused);
  }
  const now = Date.UTC(2026, 10, 1);
  const h = sampleHistory({ seed: 1, deals: 50, now });
  const stats = stageStats(h.pipeline, h.deals, h.events, { now });
  console.log('node check: model, sim and analytics run without a DOM (expected won ' +
    won.toFixed(1) + ', simulated mean ' + mc.won.mean.toFixed(1) + ', leads for 40 won at 90 %: ' +
    need.atConfidence + ', sample deals ' + stats.deals + '; refused: ' + refused.message + ')');
  void samplePipeline;
`;
const out = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'error',
});
const dir = await mkdtemp(join(tmpdir(), 'node-check-'));
const file = join(dir, 'check.mjs');
await writeFile(file, out.outputFiles[0].text);
try {
  await import(pathToFileURL(file).href);
} finally {
  await rm(dir, { recursive: true, force: true });
}
