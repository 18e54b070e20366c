import type { Scenario, Stage } from '../../../model/types.js';
import { MAX_STAGES } from '../../../model/validate.js';

/*
 * The edits a person makes to a scenario in the simulator. Each returns a new scenario and
 * leaves its argument alone; an edit that cannot apply (no such stage, the last stage removed)
 * returns the scenario unchanged. The result still goes through `parseScenario` before use.
 *
 * `wonStage` is a position: the sale happens after the same number of stages whatever is
 * renamed, reordered or re-rated; a stage added after the last one becomes the new last step
 * of the sale when the sale was at the end, and removing a stage up to the sale moves the sale
 * one stage up, so it always points at a stage.
 */

/** The scenario's number fields a person types. */
export type ScenarioField =
  'leads' | 'dealValue' | 'costPerLead' | 'spend' | 'margin' | 'repeatRate';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

const inRange = (s: Scenario, index: number) =>
  Number.isInteger(index) && index >= 0 && index < s.stages.length;

/** `key` set to `value`; `undefined` removes an optional field ("not given"). */
export function setField(s: Scenario, key: ScenarioField, value: number | undefined): Scenario {
  const next: Scenario = { ...s };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** Stage `index` at `rate` (kept within 0…1): a rate the person chose, so observed counts no longer describe it. */
export function setRate(s: Scenario, index: number, rate: number): Scenario {
  if (!inRange(s, index)) return s;
  const stages = s.stages.map((stage, i): Stage => {
    if (i !== index) return stage;
    const next = { ...stage, rate: clamp(rate, 0, 1) };
    delete next.observed;
    return next;
  });
  return { ...s, stages };
}

/** Stage `index` named `name`: a typed name is the name in every language, so a preset's translations go. */
export function renameStage(s: Scenario, index: number, name: string): Scenario {
  if (!inRange(s, index)) return s;
  const stages = s.stages.map((stage, i): Stage => {
    if (i !== index) return stage;
    const next = { ...stage, name };
    delete next.names;
    return next;
  });
  return { ...s, stages };
}

/** A stage named `name` after the last one, at rate 1: it loses nobody until its rate is lowered. */
export function addStage(s: Scenario, name: string): Scenario {
  if (s.stages.length >= MAX_STAGES) return s;
  const stages = [...s.stages, { name, rate: 1 }];
  const wonStage = s.wonStage === s.stages.length - 1 ? stages.length - 1 : s.wonStage;
  return { ...s, stages, wonStage };
}

/** Stage `index` removed; the only stage stays. */
export function removeStage(s: Scenario, index: number): Scenario {
  if (!inRange(s, index) || s.stages.length <= 1) return s;
  const stages = s.stages.filter((_, i) => i !== index);
  const wonStage = index <= s.wonStage && s.wonStage > 0 ? s.wonStage - 1 : s.wonStage;
  return { ...s, stages, wonStage: clamp(wonStage, 0, stages.length - 1) };
}

/** Stage `index` swapped with its neighbour above (`-1`) or below (`1`). */
export function moveStage(s: Scenario, index: number, by: -1 | 1): Scenario {
  const to = index + by;
  if (!inRange(s, index) || !inRange(s, to)) return s;
  const stages = [...s.stages];
  [stages[index], stages[to]] = [stages[to], stages[index]];
  return { ...s, stages };
}
