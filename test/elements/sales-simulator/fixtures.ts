import type { Scenario } from '../../../src/model/types.js';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';

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

export const root = (el: SalesSimulator) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: SalesSimulator, sel: string) =>
  root(el).querySelector<T>(sel)!;
/** The text a person reads in the first match of `sel`, white space folded ('' if none). */
export const txt = (el: SalesSimulator, sel: string) =>
  (root(el).querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
