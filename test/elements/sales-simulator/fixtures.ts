import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../../../src/elements/sales-simulator/define.js';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import type { SimulatorStrings } from '../../../src/elements/sales-simulator/strings.js';
import type { Scenario } from '../../../src/model/types.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';

/** A small 3-stage scenario with costs, the sale at the last stage. */
export const SCENARIO: Scenario = {
  leads: 1000,
  dealValue: 2500,
  currency: 'EUR',
  costPerLead: 20,
  wonStage: 2,
  stages: [
    { name: 'Contact', rate: 0.6 },
    { name: 'Demo', rate: 0.5 },
    { name: 'Close', rate: 0.4 },
  ],
};

/** How a test's simulator is written in a page. */
export interface SimulatorOptions {
  lang?: string;
  /** Default 2,000 (quick bands); `null`: no attribute. */
  trials?: number | null;
  /** Default `SCENARIO`; `null`: none (the preset, or the default one, is used). */
  scenario?: Scenario | null;
  preset?: string;
  pipeline?: string;
  theme?: string;
  syncHash?: boolean;
  presenting?: boolean;
  strings?: Partial<SimulatorStrings>;
  /** Default a new memory repository. */
  repository?: SalesRepository;
}

/** The simulator's markup for `options`. */
export function simulatorHtml(o: SimulatorOptions = {}): TemplateResult {
  const trials = o.trials === undefined ? 2000 : o.trials;
  return html`<sales-simulator
    lang=${o.lang ?? 'en'}
    trials=${ifDefined(trials ?? undefined)}
    preset=${ifDefined(o.preset)}
    pipeline=${ifDefined(o.pipeline)}
    theme=${ifDefined(o.theme)}
    ?sync-hash=${o.syncHash ?? false}
    ?presenting=${o.presenting ?? false}
    .scenario=${o.scenario === undefined ? SCENARIO : (o.scenario ?? undefined)}
    .strings=${o.strings}
    .repository=${o.repository ?? createMemoryRepository()}
  ></sales-simulator>`;
}

/** A simulator as shown: band, saved list and funnel included (`updateComplete` waits for them). */
export async function make(options: SimulatorOptions = {}): Promise<SalesSimulator> {
  const el = await fixture<SalesSimulator>(simulatorHtml(options));
  await el.updateComplete;
  return el;
}

/** The simulator inside a wrapper (a width, a page style), as shown. */
export async function makeIn(template: TemplateResult): Promise<SalesSimulator> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = wrapper.querySelector<SalesSimulator>('sales-simulator')!;
  await el.updateComplete;
  return el;
}

/** Silences (and records) the one console warning each reported problem logs. */
export function quietWarnings(): sinon.SinonStub {
  return sinon.stub(console, 'warn');
}
