import type { Scenario } from '../model/types.js';
import { conversionTo } from './project.js';
import { cycleDays, DAYS_PER_MONTH } from './timeline.js';

export interface VelocityInput {
  /** Open opportunities in the pipeline. */
  opportunities: number;
  /** Share of them that close as won, in [0, 1]. */
  winRate: number;
  /** Average value of a won deal. */
  dealValue: number;
  /** Days from opportunity to close. */
  cycleDays: number;
}

export interface Velocity extends VelocityInput {
  /** Value the pipeline turns into sales per day: opportunities × winRate × dealValue / cycleDays. */
  perDay: number;
  /** The same per average month (30.4375 days). */
  perMonth: number;
}

/**
 * Sales velocity: opportunities × win rate × deal value / cycle length. A cycle of 0 days gives
 * Infinity (or 0 when nothing is won): the formula has no meaning there.
 */
export function velocity(input: VelocityInput): Velocity {
  const value = input.opportunities * input.winRate * input.dealValue;
  const perDay = value === 0 ? 0 : value / input.cycleDays;
  return { ...input, perDay, perMonth: perDay * DAYS_PER_MONTH };
}

/**
 * Velocity of a scenario, taking the whole funnel as the pipeline: opportunities = leads,
 * win rate = conversion to won (Π rates up to `wonStage`), the scenario's deal value, and cycle
 * = the sum of stage days up to `wonStage`. `null` when a stage up to `wonStage` has no days
 * (a shorter cycle would overstate the velocity) or the cycle is 0 days. Unchecked: `s` must be
 * normalized.
 */
export function scenarioVelocityUnchecked(s: Scenario): Velocity | null {
  const days = cycleDays(s);
  if (days === null || !(days > 0)) return null;
  return velocity({
    opportunities: s.leads,
    winRate: conversionTo(s, s.wonStage),
    dealValue: s.dealValue,
    cycleDays: days,
  });
}
