import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import sinon from 'sinon';
import '../../../src/elements/sales-simulator/define.js';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import type { Scenario } from '../../../src/model/types.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';

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

/** A simulator as shown: band, saved list and funnel included (`updateComplete` waits for them). */
export async function make(
  template: TemplateResult = html`<sales-simulator
    lang="en"
    trials="2000"
    .scenario=${SCENARIO}
    .repository=${createMemoryRepository()}
  ></sales-simulator>`,
): Promise<SalesSimulator> {
  const el = await fixture<SalesSimulator>(template);
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
