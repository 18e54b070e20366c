import type { ObservedRate, Scenario } from '../../../model/types.js';
import type { Payoff } from './payoff.js';

/**
 * From a data set (observed counts, a projected scenario or a pipeline's history) to the rows
 * the funnel shows and what it emphasises. Pure: no DOM, no text; `funnel-text.ts` words it.
 */

/** One data set, as read from `stages`, `scenario`, `preset`, `pipeline` or `compare`. */
export interface FunnelSource {
  names: string[];
  values: (number | null)[];
  /** The scenario the values were projected from, with its projection (`fromScenario`). */
  projected?: ProjectedScenario;
  /**
   * A pipeline's history: for each band, the decided deals of the stage before it (`null` on the
   * first), whose share is the band's conversion; the last band is the deals won.
   */
  decided?: (ObservedRate | null)[];
  /** Says where the data comes from (a live pipeline). */
  note?: string;
}

/** A scenario with what the chart says of its projection. */
export interface ProjectedScenario {
  scenario: Scenario;
  /** Expected won deals, leaving the won stage. */
  won: number;
  revenue: number;
  /** What pays off most with `points` more on one stage's rate (`bestPayoff`). */
  payoff: (points: number) => Payoff;
}

/** One stage as shown: everything a label, the tooltip and the table say. */
export interface FunnelRow {
  name: string;
  value: number | null;
  /** Share of the first stage. */
  share: number | null;
  /**
   * Share of the previous stage that reached this one; with `pipeline`, the share of the
   * previous stage's decided deals (went on or lost) that went on, `decided.won / decided.of`.
   */
  conversion: number | null;
  /** With `pipeline`: the decided deals behind `conversion`, else `null`. */
  decided: ObservedRate | null;
  /**
   * Money: for counts with a deal value, value × deal value ("value if won"); for a scenario,
   * the expected revenue, on the won stage only (else `null`).
   */
  money: number | null;
  /** Expected won deals leaving this stage: set on a scenario's won stage only. */
  won: number | null;
  /** The compared data set's value for this stage. */
  compare: number | null;
  /** Relative change from the compared value: (value − compare) / compare. */
  change: number | null;
}

export interface FunnelModel {
  rows: FunnelRow[];
  /** Counts are expected values (a scenario): fractional, shown with one decimal below 100. */
  expected: boolean;
  /** Conversions are of decided deals (a pipeline's history). */
  decided: boolean;
  /** ISO 4217 code of every money figure. */
  currency: string;
  /** The stage entered with the lowest conversion, where most deals are lost; −1 if none. */
  drop: number;
  /** A scenario's expected won deals and revenue. */
  projection?: { won: number; revenue: number };
  /** What pays off most (a stage's index, or −1 for more leads), when it adds anything. */
  payoff?: Payoff & { points: number; revenue: number };
}

export interface FunnelModelOptions {
  /** Money of counts; a scenario's own currency wins. */
  currency: string;
  /** Average value of a won deal, for money from counts; 0: none. */
  dealValue: number;
  /** The improvement, in rate points, of the "pays off most" emphasis. */
  payoffPoints: number;
  noPayoff?: boolean;
}

const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b <= 0 ? null : a / b;

export function funnelModel(
  main: FunnelSource,
  compare: FunnelSource | undefined,
  options: FunnelModelOptions,
): FunnelModel {
  const projection = main.projected;
  const scenario = projection?.scenario;
  const dealValue = scenario ? 0 : options.dealValue;
  const top = main.values[0] ?? null;
  const rows = main.names.map((name, i): FunnelRow => {
    const value = main.values[i];
    const decided = main.decided?.[i] ?? null;
    const cmp = compare?.values[i] ?? null;
    // A scenario's money is its revenue, which only the won stage earns: a band's count × deal
    // value would read as revenue while most of those deals are lost further down.
    const won = projection && scenario?.wonStage === i ? projection.won : null;
    return {
      name,
      value,
      share: ratio(value, top),
      conversion: main.decided
        ? decided && ratio(decided.won, decided.of)
        : i > 0
          ? ratio(value, main.values[i - 1])
          : null,
      decided,
      money:
        won !== null
          ? won * scenario!.dealValue
          : value !== null && dealValue > 0
            ? value * dealValue
            : null,
      won,
      compare: cmp,
      change: ratio(value === null || cmp === null ? null : value - cmp, cmp),
    };
  });
  const model: FunnelModel = {
    rows,
    expected: !!scenario,
    decided: !!main.decided,
    currency: scenario?.currency ?? options.currency.toUpperCase(),
    drop: biggestDrop(rows, scenario),
  };
  if (scenario && projection) {
    model.projection = { won: projection.won, revenue: projection.revenue };
    const best = projection.payoff(options.payoffPoints);
    if (best.extraWon > 0 && !options.noPayoff) {
      const revenue = best.extraWon * scenario.dealValue;
      model.payoff = { ...best, points: options.payoffPoints, revenue };
    }
  }
  return model;
}

/**
 * The row entered with the lowest conversion (the first of ties), −1 without one. With a
 * scenario, deals are lost before the sale: after-sale steps (customers kept, cross-sold, won
 * back) are not where deals are lost, so they are not named.
 */
export function biggestDrop(rows: readonly FunnelRow[], scenario?: Scenario): number {
  const last = scenario ? scenario.wonStage + 1 : Infinity;
  let drop = -1;
  let lowest = 1;
  rows.forEach((r, i) => {
    if (i > 0 && i <= last && r.conversion !== null && r.conversion < lowest) {
      lowest = r.conversion;
      drop = i;
    }
  });
  return drop;
}
