import type { Deal, Pipeline, StageEvent, StageEventKind } from '../../src/model/types.js';

export const DAY = 86_400_000;
/** Day 0 of the hand-worked histories: 5 January 2026, local midnight. */
export const T0 = new Date(2026, 0, 5).getTime();
export const day = (d: number) => T0 + d * DAY;

export function pipelineOf(stageIds: string[], probabilities: number[] = [], id = 'p1'): Pipeline {
  return {
    id,
    name: 'Test pipeline',
    currency: 'EUR',
    stages: stageIds.map((s, i) => ({
      id: s,
      name: `Stage ${s}`,
      names: { en: `Stage ${s}`, es: `Etapa ${s}` },
      ...(probabilities[i] !== undefined ? { probability: probabilities[i] } : {}),
    })),
    createdAt: 0,
    updatedAt: 0,
  };
}

/** `[kind, stage, at]`; for won / lost the stage is the one the deal is in. */
export type Step = [StageEventKind, string, number];

export interface DealSpec {
  steps: Step[];
  amount?: number;
  lostReason?: string;
}

/** Deals and events for hand-written histories; each deal's record agrees with its last step. */
export function build(
  pipeline: Pipeline,
  specs: Record<string, DealSpec>,
): { deals: Deal[]; events: StageEvent[] } {
  const deals: Deal[] = [];
  const events: StageEvent[] = [];
  for (const [id, spec] of Object.entries(specs)) {
    let current: string | null = null;
    let entered = 0;
    spec.steps.forEach(([kind, stage, at], k) => {
      const from = kind === 'created' ? null : kind === 'moved' ? current : stage;
      events.push({
        id: `${id}-${k}`,
        pipelineId: pipeline.id,
        dealId: id,
        kind,
        from,
        to: stage,
        at,
      });
      if (kind !== 'won' && kind !== 'lost') entered = at;
      current = stage;
    });
    const last = spec.steps[spec.steps.length - 1];
    const outcome = last[0] === 'won' || last[0] === 'lost' ? last[0] : 'open';
    const deal: Deal = {
      id,
      pipelineId: pipeline.id,
      title: `Deal ${id}`,
      amount: spec.amount ?? 1000,
      currency: pipeline.currency,
      stageId: last[1],
      outcome,
      createdAt: spec.steps[0][2],
      updatedAt: last[2],
      stageEnteredAt: entered,
      version: spec.steps.length,
    };
    if (outcome === 'lost' && spec.lostReason !== undefined) deal.lostReason = spec.lostReason;
    deals.push(deal);
  }
  return { deals, events };
}

/** Fails on any NaN anywhere inside `value` (JSON.stringify would hide it as null). */
export function findNaN(value: unknown, path = '$'): string | null {
  if (typeof value === 'number') return Number.isNaN(value) ? path : null;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findNaN(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}
