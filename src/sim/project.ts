import type { Scenario } from '../model/types.js';

/** One stage of an expected projection. */
export interface StageProjection {
  name: string;
  /** Expected deals entering the stage. */
  entering: number;
  /** Expected deals going on to the next stage (or closing, for the last stage). */
  advancing: number;
  /** Expected deals lost at this stage. */
  lost: number;
  /** The stage's rate, in [0, 1]. */
  rate: number;
  /** Share of the leads that enter this stage, in [0, 1]. */
  fromTop: number;
}

/** The expected (mean) outcome of a scenario for one period. */
export interface Projection {
  leads: number;
  stages: StageProjection[];
  /** Expected won deals: leads × Π rates up to and including `wonStage`. */
  won: number;
  /** Π rates up to `wonStage`: the share of leads that become customers. */
  overallConversion: number;
  /** Expected first-purchase revenue: won × dealValue. */
  revenue: number;
  currency: string;
  /** Acquisition spend for the period (`spend`, else `costPerLead × leads`), when costs are given. */
  spend?: number;
  /** Cost per lead, when costs are given (`Infinity` for spend without leads; 0 for neither). */
  costPerLead?: number;
  /** Customer acquisition cost: spend / won (`Infinity` when nothing is won). */
  cac?: number;
  /** Expected purchases per customer: 1 / (1 − repeatRate × retention). */
  expectedPurchases: number;
  /** Lifetime value of a customer: dealValue × margin × expectedPurchases. */
  ltv: number;
  /** LTV / CAC, when costs are given. */
  ltvToCac?: number;
}

/** Expected purchases per customer from the chance to buy again and to stay (geometric). */
export function expectedPurchases(s: Pick<Scenario, 'repeatRate' | 'retention'>): number {
  const again = (s.repeatRate ?? 0) * (s.retention ?? 1);
  return again >= 1 ? Infinity : 1 / (1 - again);
}

/** Π rates of stages 0..last: the share of leads that pass stage `last`. */
export function conversionTo(s: Pick<Scenario, 'stages'>, last: number): number {
  let p = 1;
  for (let i = 0; i <= last && i < s.stages.length; i++) p *= s.stages[i].rate;
  return p;
}

/**
 * Expected won deals with stage `index`'s rate replaced by `rate` (an index outside the stages
 * replaces none): leads × Π rates up to `wonStage`, so a stage after the sale changes nothing.
 * The one product behind every "what if this stage converted at …" figure (`sensitivity`, the
 * funnel's best lever), so they agree to the last digit.
 */
export function wonWithRate(
  s: Pick<Scenario, 'leads' | 'stages' | 'wonStage'>,
  index: number,
  rate: number,
): number {
  let p = 1;
  for (let i = 0; i <= s.wonStage && i < s.stages.length; i++)
    p *= i === index ? rate : s.stages[i].rate;
  return s.leads * p;
}

/**
 * Expected deals entering each stage, then those leaving the last: entering₁ = leads,
 * entering₍ᵢ₊₁₎ = enteringᵢ × rateᵢ. The products of `projectUnchecked`, apart for a chart that
 * needs only them (the funnel's), so the two agree to the last digit.
 */
export function enteringCounts(s: Pick<Scenario, 'leads' | 'stages'>): number[] {
  const counts = [s.leads];
  for (const stage of s.stages) counts.push(counts[counts.length - 1] * stage.rate);
  return counts;
}

/**
 * The expected projection (`enteringCounts`, with what is lost, won and earned). Unchecked:
 * `s` must be normalized (`project` in checked.ts normalizes first).
 */
export function projectUnchecked(s: Scenario): Projection {
  const flow = enteringCounts(s);
  const stages: StageProjection[] = s.stages.map((stage, i) => {
    const [entering, advancing] = [flow[i], flow[i + 1]];
    return {
      name: stage.name,
      entering,
      advancing,
      lost: entering - advancing,
      rate: stage.rate,
      fromTop: s.leads > 0 ? entering / s.leads : 0,
    };
  });
  const won = stages[s.wonStage]?.advancing ?? 0;
  const overallConversion = conversionTo(s, s.wonStage);
  const purchases = expectedPurchases(s);
  const ltv = s.dealValue * (s.margin ?? 1) * purchases;
  const out: Projection = {
    leads: s.leads,
    stages,
    won,
    overallConversion,
    revenue: won * s.dealValue,
    currency: s.currency,
    expectedPurchases: purchases,
    ltv,
  };
  const spend = s.spend ?? (s.costPerLead !== undefined ? s.costPerLead * s.leads : undefined);
  if (spend !== undefined) {
    out.spend = spend;
    // Money spent on no leads is not free leads.
    out.costPerLead = s.leads > 0 ? spend / s.leads : spend > 0 ? Infinity : 0;
    out.cac = won > 0 ? spend / won : Infinity;
    out.ltvToCac = out.cac > 0 ? ltv / out.cac : Infinity;
  }
  return out;
}
