import type { Deal, StageEvent } from '../model/types.js';

/** A history taken as of the real present, and how many deals had to be moved back to it. */
export interface PresentHistory {
  deals: Deal[];
  events: StageEvent[];
  /**
   * Deals with a time after `now` (a creation, a change, a stage entry or an event): written
   * while the device's clock was ahead. Each such time is taken as `now`, so the deal counts
   * as it stands instead of vanishing until the clock catches up.
   */
  futureDated: number;
}

/**
 * The deals and events with every time after `now` set to `now`. The analytics functions read
 * `now` as a cut (what happened after it is left out: the history as it stood then); the views
 * that show the present pass their history through this first, so a clock put ahead and back
 * again leaves the funnel, the simulator and the forecast counting the same deals, and says
 * how many were dated in the future. Records with nothing after `now` are kept as they are. Pure.
 */
export function atPresent(
  deals: readonly Deal[],
  events: readonly StageEvent[],
  now: number,
): PresentHistory {
  const ahead = new Set<string>();
  const clampedEvents = events.map((e) => {
    if (!(e.at > now)) return e;
    ahead.add(e.dealId);
    return { ...e, at: now };
  });
  const clampedDeals = deals.map((d) => {
    if (!(d.createdAt > now || d.updatedAt > now || d.stageEnteredAt > now)) return d;
    ahead.add(d.id);
    return {
      ...d,
      createdAt: Math.min(d.createdAt, now),
      updatedAt: Math.min(d.updatedAt, now),
      stageEnteredAt: Math.min(d.stageEnteredAt, now),
    };
  });
  const known = new Set(deals.map((d) => d.id));
  let futureDated = 0;
  for (const id of ahead) if (known.has(id)) futureDated += 1;
  return { deals: clampedDeals, events: clampedEvents, futureDated };
}
