import type { Scenario } from '../model/types.js';

/** A goal for a period: won deals, or revenue (every deal taken at its mean value). */
export type Target = { won: number } | { revenue: number };

/**
 * Relative slack for floating-point noise. A product of up to 50 rates and one division is off
 * by a few units in the last place (~1e-15 relative); 1e-13 is far above that and, at the
 * largest counts (1e12 leads), still only a tenth of a lead.
 */
const NOISE = 1e-13;

/**
 * ⌈x⌉ that ignores floating-point noise: 7 / (0.1 × 0.7) is 100.00000000000001 in doubles but
 * 100 in the decimals the user typed, so it must not become 101.
 */
export function ceilTolerant(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= NOISE * Math.max(1, Math.abs(x)) ? nearest : Math.ceil(x);
}

/**
 * Won deals a target asks for: ⌈won⌉, or ⌈revenue / dealValue⌉ (both noise-tolerant). 0 for a
 * target of 0 or less; `Infinity` for revenue when deals are worth nothing (no count reaches it).
 */
export function wonForTarget(s: Pick<Scenario, 'dealValue'>, target: Target): number {
  if ('won' in target) return Math.max(0, ceilTolerant(target.won));
  if (!(target.revenue > 0)) return 0;
  if (!(s.dealValue > 0)) return Infinity;
  return ceilTolerant(target.revenue / s.dealValue);
}
