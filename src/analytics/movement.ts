import { dayStart, periodOf, type PeriodRange, type PeriodUnit } from '../model/calendar.js';
import type { Deal, Pipeline, StageEvent } from '../model/types.js';
import { replay, type DealPath } from './history.js';

/** A count of deals and the sum of their amounts. */
export interface Flow {
  count: number;
  amount: number;
}

/**
 * How the open pipeline changed since the period began, the way "flow" views show it:
 * `openAtStart + created − won − lost + reopened = openNow`, exactly, in counts and in money.
 * Each deal is placed by its state at the period's start (open, closed, not yet created) and now.
 * `won` and `lost` are the deals open at the start or created since that are won or lost now;
 * `reopened`, those closed at the start and open now. Two figures say more without entering the
 * sum: `movedBack`, deals sent back to an earlier stage during the period, and `slipped`, deals
 * open since before the period and still open whose expected close is now past its end (the
 * store keeps no history of close dates, so one that was always planned for later counts too).
 * Money is each deal's amount as it is now.
 */
export interface Movement {
  period: PeriodRange;
  openAtStart: Flow;
  created: Flow;
  won: Flow;
  lost: Flow;
  reopened: Flow;
  openNow: Flow;
  movedBack: Flow;
  slipped: Flow;
}

const none = (): Flow => ({ count: 0, amount: 0 });
const add = (flow: Flow, deal: Deal) => {
  flow.count++;
  flow.amount += deal.amount;
};

export function movement(
  pipeline: Pipeline,
  deals: readonly Deal[],
  events: readonly StageEvent[],
  options: { now: number; period?: PeriodUnit; utc?: boolean },
): Movement {
  const { now } = options;
  const period = periodOf(now, options.period ?? 'quarter', 0, options.utc);
  // Just before the period starts: what was open when it began.
  const before = new Map<string, DealPath>(
    replay(pipeline, deals, events, period.start - 1).map((p) => [p.deal.id, p]),
  );
  const m: Movement = {
    period,
    openAtStart: none(),
    created: none(),
    won: none(),
    lost: none(),
    reopened: none(),
    openNow: none(),
    movedBack: none(),
    slipped: none(),
  };
  for (const path of replay(pipeline, deals, events, now)) {
    if (path.depth < 0) continue;
    const deal = path.deal;
    const then = before.get(deal.id);
    const existed = then !== undefined && then.depth >= 0;
    const wasOpen = existed && then.outcome === 'open';
    const isOpen = path.outcome === 'open';
    if (wasOpen) add(m.openAtStart, deal);
    else if (!existed) add(m.created, deal);
    if (isOpen) add(m.openNow, deal);
    if (wasOpen || !existed) {
      if (path.outcome === 'won') add(m.won, deal);
      else if (path.outcome === 'lost') add(m.lost, deal);
    } else if (isOpen) add(m.reopened, deal);
    if (path.backward.some((b) => b.at >= period.start && b.at <= now)) add(m.movedBack, deal);
    const close = deal.expectedClose ? dayStart(deal.expectedClose, options.utc) : NaN;
    if (wasOpen && isOpen && close >= period.end) add(m.slipped, deal);
  }
  return m;
}
