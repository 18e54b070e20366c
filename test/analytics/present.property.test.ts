import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  atPresent,
  forecastSource,
  pipelineFunnel,
  scenarioFromPipeline,
} from '../../src/analytics/index.js';
import { clockAheadHistory } from './clock-ahead.js';

// A clock put a year ahead and back: deals created before, won while the clock was ahead.
// Taken as of the present (`atPresent`), the funnel, the simulator's calibration and the
// forecast count the same deals, and say how many were dated in the future.

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);
const { pipeline } = clockAheadHistory(NOW);
const clockAhead = (ahead: number) => clockAheadHistory(NOW, ahead);

describe('analytics at the present: a clock that was ahead', () => {
  it('counts the deals won while the clock was ahead as won now, in the funnel, the calibration and the forecast', () => {
    const ahead = clockAhead(40);
    const { deals, events, futureDated } = atPresent(ahead.deals, ahead.events, NOW);
    expect(futureDated).to.equal(40);
    const funnel = pipelineFunnel(pipeline, deals, events, { now: NOW });
    expect(funnel.won).to.equal(40);
    const scenario = scenarioFromPipeline(pipeline, deals, events, { now: NOW });
    // The simulator's "no closed deals yet" is a scenario without one decided deal.
    expect(scenario.stages.map((s) => s.observed)).to.deep.equal([
      { won: 40, of: 40 },
      { won: 40, of: 40 },
    ]);
    expect(funnel.rows.slice(1).map((r) => r.observed)).to.deep.equal(
      scenario.stages.map((s) => s.observed),
    );
    const source = forecastSource(pipeline, deals, events, { now: NOW });
    // The forecast has no open deal left to project, and the 40 won this quarter.
    expect(source.deals).to.deep.equal([]);
    expect(source.won).to.deep.equal({ count: 40, amount: 40_000 });
  });

  it('without it, `now` stays a cut: what was dated later is left out (the history as it stood then)', () => {
    const { deals, events } = clockAhead(40);
    expect(pipelineFunnel(pipeline, deals, events, { now: NOW }).won).to.equal(0);
  });

  it('leaves no time after now, counts each deal with one once, and changes nothing dated before now', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: -20, max: 400 }),
        (ahead, shift) => {
          const { deals, events } = clockAhead(ahead);
          const now = NOW + shift * DAY;
          const present = atPresent(deals, events, now);
          const times = [
            ...present.events.map((e) => e.at),
            ...present.deals.flatMap((d) => [d.createdAt, d.updatedAt, d.stageEnteredAt]),
          ];
          expect(times.every((t) => t <= now)).to.equal(true);
          const later = new Set([
            ...events.filter((e) => e.at > now).map((e) => e.dealId),
            ...deals
              .filter((d) => Math.max(d.createdAt, d.updatedAt, d.stageEnteredAt) > now)
              .map((d) => d.id),
          ]);
          expect(present.futureDated).to.equal(later.size);
          present.events.forEach((e, i) => {
            if (events[i]!.at <= now) expect(e).to.equal(events[i]);
          });
          // Every deal counts, as it stands, whatever the clock did: none waits for it to catch up.
          const funnel = pipelineFunnel(pipeline, present.deals, present.events, { now });
          expect(funnel.deals).to.equal(40);
          expect(funnel.won).to.equal(ahead);
        },
      ),
      { numRuns: 200 },
    );
  });
});
