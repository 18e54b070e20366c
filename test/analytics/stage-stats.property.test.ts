import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { sampleHistory, stageStats, type StageStats } from '../../src/analytics/index.js';
import type { Deal, Pipeline, StageEvent, StageEventKind } from '../../src/model/types.js';
import { build, day, pipelineOf, type DealSpec, type Step } from './fixtures.js';

/**
 * The invariants the analytics folder states in prose (src/analytics/index.ts): every deal that
 * reached a stage has exactly one fate there, so `reached = advanced + lost + open`, and the
 * observed counts are the decided deals, `{ won: advanced, of: advanced + lost }`. Also the
 * funnel chains: what advanced from one stage reached the next, and what left the last was won.
 */
function expectInvariants(stats: StageStats): void {
  const { stages } = stats;
  // Plain checks, one assertion: chai messages built for every stage of every run cost seconds.
  const broken = stages.filter(
    (s, i) =>
      s.reached !== s.advanced + s.lost + s.open ||
      s.observed.won !== s.advanced ||
      s.observed.of !== s.advanced + s.lost ||
      (i + 1 < stages.length && stages[i + 1].reached !== s.advanced),
  );
  expect(broken).to.deep.equal([]);
  expect(stages[0].reached).to.equal(stats.deals);
  expect(stages[stages.length - 1].advanced).to.equal(stats.won);
  expect(stats.won + stats.lost + stats.open).to.equal(stats.deals);
}

const KINDS: StageEventKind[] = ['created', 'moved', 'moved', 'won', 'lost', 'reopened'];

/** A pipeline of 1 to 6 stages, and stage ids to draw from: its own and one it no longer has. */
const pipeline = fc
  .integer({ min: 1, max: 6 })
  .map((n) => pipelineOf(Array.from({ length: n }, (_, i) => `s${i}`)));

/**
 * Any history: steps in any order of kinds (creation mostly first, sometimes missing as in a
 * history cut short), at any stage (unknown ones too), several at the same instant.
 */
function history(p: Pipeline): fc.Arbitrary<Record<string, DealSpec>> {
  const stage = fc.constantFrom(...p.stages.map((s) => s.id), 'gone');
  const step = fc.tuple(fc.constantFrom(...KINDS), stage, fc.nat({ max: 5 }));
  const deal = fc
    .tuple(fc.boolean(), stage, fc.array(step, { maxLength: 8 }))
    .map(([created, first, rest]): DealSpec => {
      let at = day(0);
      const raw: [StageEventKind, string, number][] = created
        ? [['created', first, 0], ...rest]
        : rest;
      const steps = raw.map(([kind, id, gap]): Step => [kind, id, (at += gap * 3_600_000)]);
      return { steps: steps.length > 0 ? steps : [['created', first, at]] };
    });
  return fc
    .array(deal, { maxLength: 30 })
    .map((list) => Object.fromEntries(list.map((d, i) => [`d${i}`, d])));
}

/** Deals imported without any history: only their record says where they are. */
const recordOnly = (p: Pipeline): fc.Arbitrary<Deal[]> =>
  fc
    .array(
      fc.record({
        stage: fc.constantFrom(...p.stages.map((s) => s.id), 'gone'),
        outcome: fc.constantFrom<Deal['outcome']>('open', 'won', 'lost'),
        created: fc.nat({ max: 30 }),
      }),
      { maxLength: 10 },
    )
    .map((records) =>
      records.map(({ stage, outcome, created }, i) => ({
        id: `r${i}`,
        pipelineId: p.id,
        title: `Record ${i}`,
        amount: 100,
        currency: 'EUR',
        stageId: stage,
        outcome,
        createdAt: day(created),
        updatedAt: day(created + 1),
        stageEnteredAt: day(created),
        version: 1,
      })),
    );

describe('stageStats (properties)', () => {
  it('keeps reached = advanced + lost + open over arbitrary histories', () => {
    fc.assert(
      fc.property(
        pipeline.chain((p) =>
          fc.tuple(fc.constant(p), history(p), recordOnly(p), fc.integer({ min: -1, max: 40 })),
        ),
        ([p, specs, records, nowDay]) => {
          const { deals, events } = build(p, specs);
          const all: Deal[] = [...deals, ...records];
          // `now` may cut histories short; events of a deal not listed are ignored.
          const stray: StageEvent = { ...events[0], id: 'x', dealId: 'nobody' };
          const stats = stageStats(p, all, events[0] ? [...events, stray] : events, {
            now: day(nowDay),
          });
          expectInvariants(stats);
          expect(stats.deals + stats.unplaced).to.be.at.most(all.length);
        },
      ),
      { seed: 20260105, numRuns: 300 },
    );
  });

  it('keeps them for sampleHistory under arbitrary seeds, sizes and cohorts', () => {
    const now = Date.UTC(2026, 10, 1);
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 1, max: 4 }),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        (seed, size, quarters, fromDaysAgo) => {
          const h = sampleHistory({ seed, deals: size, quarters, now });
          const from = fromDaysAgo === undefined ? undefined : now - fromDaysAgo * 86_400_000;
          const stats = stageStats(h.pipeline, h.deals, h.events, { now, from });
          expectInvariants(stats);
          if (from === undefined) expect(stats.deals).to.equal(size);
        },
      ),
      { seed: 11, numRuns: 60 },
    );
  });
});
