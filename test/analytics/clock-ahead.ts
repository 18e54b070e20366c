import type { Deal, Pipeline, StageEvent } from '../../src/model/types.js';

/**
 * A clock put a year ahead and back: 40 deals created 10 days before `now`, the first `ahead`
 * of them moved to Offer and won a year after `now` (while the clock was ahead).
 */
export function clockAheadHistory(now: number, ahead = 40) {
  const DAY = 86_400_000;
  const pipeline: Pipeline = {
    id: 'p',
    name: 'Sales',
    currency: 'EUR',
    stages: [
      { id: 'lead', name: 'Lead' },
      { id: 'offer', name: 'Offer' },
    ],
    createdAt: now - 400 * DAY,
    updatedAt: now,
  };
  const deals: Deal[] = [];
  const events: StageEvent[] = [];
  for (let i = 0; i < 40; i++) {
    const id = `d${i}`;
    const created = now - 10 * DAY + i;
    const later = now + 365 * DAY + i;
    const won = i < ahead;
    const ev = (k: string, kind: StageEvent['kind'], from: string | null, to: string, at: number) =>
      events.push({ id: `${id}-${k}`, pipelineId: 'p', dealId: id, kind, from, to, at });
    ev('c', 'created', null, 'lead', created);
    if (won) {
      ev('m', 'moved', 'lead', 'offer', later);
      ev('w', 'won', 'offer', 'offer', later + 1);
    }
    deals.push({
      id,
      pipelineId: 'p',
      title: `Deal ${i}`,
      amount: 1000,
      currency: 'EUR',
      stageId: won ? 'offer' : 'lead',
      outcome: won ? 'won' : 'open',
      createdAt: created,
      updatedAt: won ? later + 1 : created,
      stageEnteredAt: won ? later : created,
      version: won ? 3 : 1,
    });
  }
  return { pipeline, deals, events };
}
