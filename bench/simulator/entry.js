// The page under test: one <sales-simulator> on the 8-step preset, a memory repository (the
// bench times rendering, not IndexedDB), and the timing helpers run.mjs calls.
import { LitElement } from 'lit';
import '../../src/elements/sales-simulator/define.ts';
import { createMemoryRepository } from '../../src/store/memory-repository.ts';
import { getPreset } from '../../src/model/presets.ts';
import { simulateChunkedUnchecked as simulateChunked } from '../../src/sim/monte-carlo.ts';

const scenario = getPreset('cycle-8').scenario;
// Every stage counts towards won, so each slider moves the whole ranking.
scenario.wonStage = scenario.stages.length - 1;

const sim = document.createElement('sales-simulator');
sim.setAttribute('lang', 'en');
sim.trials = 10000;
sim.repository = createMemoryRepository();
sim.scenario = scenario;
document.body.append(sim);

const frame = () => new Promise((r) => requestAnimationFrame(() => r()));

/**
 * Waits until a Lit element has rendered, with no update pending (updates it requests after
 * rendering count). Lit's own `getUpdateComplete`: the simulator's `updateComplete` also waits
 * for the Monte Carlo band, which is not what a slider input until rendered measures.
 */
async function settled(el) {
  while (!(await LitElement.prototype.getUpdateComplete.call(el)));
}

async function ready() {
  // "Shown": the band, the saved list and the funnel included.
  await sim.updateComplete;
  await frame();
}

/**
 * Sets slider `index` to `percent` and dispatches `input` as the browser does, then times until
 * the simulator and its funnel have rendered, and style and layout of both are done.
 */
async function sliderUpdate(index, percent) {
  const root = sim.shadowRoot;
  const slider = root.querySelector(`#slider-${index}`);
  const funnel = root.querySelector('sales-funnel');
  slider.value = String(percent);
  const t0 = performance.now();
  slider.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settled(sim);
  await settled(funnel);
  const t1 = performance.now();
  // Reading boxes forces style and layout now, inside the measured span.
  root.querySelector('.tornado').getBoundingClientRect();
  funnel.shadowRoot.querySelector('svg')?.getBoundingClientRect();
  const t2 = performance.now();
  const shownRate = root.querySelector(`#f-stages_${index}__rate`).value;
  return { dom: t1 - t0, layout: t2 - t0, shownRate };
}

/**
 * After one slider change: time until the p10–p90 band for the new scenario shows, and the
 * longest gap between animation frames meanwhile (what a person dragging a slider would feel).
 */
async function bandAfterChange(index, percent) {
  const root = sim.shadowRoot;
  const slider = root.querySelector(`#slider-${index}`);
  slider.value = String(percent);
  let longest = 0;
  let last = performance.now();
  let watching = true;
  const watch = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (watching) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  const t0 = performance.now();
  slider.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  // Resolves once the band of the new scenario is shown.
  await sim.updateComplete;
  const t1 = performance.now();
  watching = false;
  await frame();
  const busy = root.querySelector('.band').getAttribute('aria-busy');
  return { band: t1 - t0, longestFrame: longest, busy };
}

/** The engine alone, chunked as the element runs it, for comparison. */
async function engineOnly() {
  const t0 = performance.now();
  await simulateChunked(
    sim.value,
    { trials: 10000, seed: 1, bins: 1 },
    {
      chunk: 2500,
      yield: () => new Promise((r) => setTimeout(r)),
    },
  );
  return performance.now() - t0;
}

window.simBench = { ready, sliderUpdate, bandAfterChange, engineOnly };
