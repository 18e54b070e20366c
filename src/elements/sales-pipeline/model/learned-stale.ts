import { stageStaleDays } from '../../../analytics/forecast-source.js';
import type { Deal, Pipeline, StageEvent } from '../../../model/types.js';

/**
 * Each stage's stale threshold learned from its finished visits (`learnedStaleDays`, rounded
 * up to whole days, as the cards count days), for the stages with enough visits to trust.
 */
export function learnedStaleLimits(
  pipeline: Pipeline,
  deals: readonly Deal[],
  events: readonly StageEvent[],
  now: number,
): Map<string, number> {
  const days = stageStaleDays(pipeline, deals, events, now);
  const limits = new Map<string, number>();
  pipeline.stages.forEach((s, i) => {
    const d = days[i];
    // 21 days computed as 21.000000000004 is still 21.
    if (d !== null && d !== undefined) limits.set(s.id, Math.ceil(d - 1e-9));
  });
  return limits;
}
