import type { Scenario } from '../../../model/types.js';
import { wonWithRate } from '../../../sim/project.js';

/** The lever `bestPayoff` found: a stage (its index) or more leads (index −1). */
export interface Payoff {
  index: number;
  extraWon: number;
  /** Extra leads, for the leads lever. */
  extraLeads: number;
}

/**
 * The first lever of `sensitivity(s, { points })` from `src/sim`, for the chart's "pays off
 * most" emphasis: +`points` on one stage's rate (capped at 1) or +`leadsRelative` leads, whichever
 * adds the most expected won deals; ties go to the earlier stage, then to the stages over leads.
 * The embed needs only this default ranking, not the simulator's benchmarks and costs, so it
 * computes it with the same products (`wonWithRate`, so the same rounding); a test pins the two
 * together.
 */
export function bestPayoff(s: Scenario, points: number, leadsRelative = 0.1): Payoff {
  const base = wonWithRate(s, -1, 0); // no stage replaced
  let best: Payoff = {
    index: -1,
    extraWon: base * leadsRelative,
    extraLeads: s.leads * leadsRelative,
  };
  // Stages after the sale change nothing won; reverse order with >= keeps the earliest of ties,
  // and gains within 1e-9 relative are ties (float noise), as in `sensitivity`.
  for (let i = Math.min(s.wonStage, s.stages.length - 1); i >= 0; i--) {
    const extraWon = wonWithRate(s, i, Math.min(1, s.stages[i].rate + points)) - base;
    if (extraWon >= best.extraWon - 1e-9 * Math.abs(best.extraWon)) {
      best = { index: i, extraWon, extraLeads: 0 };
    }
  }
  return best;
}
