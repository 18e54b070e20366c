import type { Scenario } from '../model/types.js';
// Leads beyond this are not searched: doubles stop holding every integer soon after. The same
// bound limits a scenario's leads, so it is defined once, with the validation.
import { MAX_LEADS } from '../model/validate.js';
import { approxNormalQuantile, binomialSf, reachesLevel, smallestReaching } from './exact.js';
import { conversionTo } from './project.js';
import { ceilTolerant, wonForTarget, type Target } from './won-needed.js';

export interface LeadsNeeded {
  /** False when no number of leads (up to `MAX_LEADS`) reaches the target; see `reason`. */
  reachable: boolean;
  /** Why not: conversion to won is 0, deals are worth nothing, or more than `MAX_LEADS` leads. */
  reason?: 'no-conversion' | 'no-deal-value' | 'too-many-leads';
  /** Leads for the expected won deals to reach the target: ⌈wonNeeded / conversion⌉. */
  expected: number | null;
  /** Smallest leads n with P(Binomial(n, conversion) ≥ wonNeeded) ≥ confidence (`reachesLevel`). */
  atConfidence: number | null;
  confidence: number;
  /** Won deals the target asks for. */
  wonNeeded: number;
  /** Π rates up to `wonStage`. */
  conversion: number;
  /**
   * For a revenue target with `dealValueSd`: the coefficient of variation of the revenue of
   * `wonNeeded` deals, σ / (dealValue · √wonNeeded). See `leadsNeeded`.
   */
  revenueCv?: number;
}

/**
 * Leads needed for a target of won deals or revenue, in expectation and with a chosen chance of
 * reaching it. With fixed rates won ~ Binomial(leads, conversion), and P(won ≥ w) grows with the
 * leads, so the smallest lead count is found by an exact search on the binomial tail.
 *
 * A revenue target becomes ⌈revenue / dealValue⌉ won deals, every deal taken at its mean value.
 * With `dealValueSd` σ this is an approximation: the revenue of w deals then has mean
 * w · dealValue and standard deviation σ√w, so it misses the target about half the time even
 * with w deals; the relative error is of order `revenueCv` = σ / (dealValue √w) (e.g. 40 deals
 * with σ = dealValue / 2: 7.9 %), returned so a caller can show it.
 * Unchecked: `s` must be normalized. @throws RangeError when `confidence` is not strictly
 * between 0 and 1.
 */
export function leadsNeededUnchecked(
  s: Scenario,
  target: Target,
  options: { confidence?: number } = {},
): LeadsNeeded {
  const confidence = options.confidence ?? 0.9;
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError('leadsNeeded: confidence must be between 0 and 1 (exclusive)');
  }
  const conversion = conversionTo(s, s.wonStage);
  const base = { confidence, conversion };
  const wonNeeded = wonForTarget(s, target);
  if (wonNeeded === Infinity) {
    return {
      ...base,
      reachable: false,
      reason: 'no-deal-value',
      expected: null,
      atConfidence: null,
      wonNeeded,
    };
  }
  let revenueCv: number | undefined;
  if ('revenue' in target && s.dealValueSd && wonNeeded > 0)
    revenueCv = s.dealValueSd / (s.dealValue * Math.sqrt(wonNeeded));
  const extra = revenueCv === undefined ? {} : { revenueCv };
  if (wonNeeded === 0)
    return { ...base, ...extra, reachable: true, expected: 0, atConfidence: 0, wonNeeded };
  if (!(conversion > 0)) {
    return {
      ...base,
      ...extra,
      reachable: false,
      reason: 'no-conversion',
      expected: null,
      atConfidence: null,
      wonNeeded,
    };
  }
  const expected = ceilTolerant(wonNeeded / conversion);
  const tooManyLeads = (): LeadsNeeded => ({
    ...base,
    ...extra,
    reachable: false,
    reason: 'too-many-leads',
    expected,
    atConfidence: null,
    wonNeeded,
  });
  if (expected > MAX_LEADS) return tooManyLeads();
  // Normal-approximation guess: n·P − z·√(n·P·(1−P)) = w, a quadratic in √n.
  const z = approxNormalQuantile(confidence);
  const sp = Math.sqrt(conversion * (1 - conversion));
  const root =
    (z * sp + Math.sqrt(z * z * sp * sp + 4 * conversion * wonNeeded)) / (2 * conversion);
  const guess = Math.max(wonNeeded, Math.ceil(root * root));
  const reached = (n: number) => reachesLevel(binomialSf(wonNeeded, n, conversion), confidence);
  // At n = wonNeeded − 1 the chance is 0 < confidence; at MAX_LEADS it is taken as reached.
  const atConfidence = smallestReaching(reached, guess, wonNeeded, MAX_LEADS, Math.sqrt(guess));
  if (!reached(atConfidence)) return tooManyLeads();
  return { ...base, ...extra, reachable: true, expected, atConfidence, wonNeeded };
}
