import { expect } from '@open-wc/testing';
import {
  periods,
  replay,
  sampleHistory,
  samplePipeline,
  stageStats,
} from '../../src/analytics/index.js';
import type { StageEvent } from '../../src/model/types.js';
import { findNaN, pipelineOf } from './fixtures.js';

const now = new Date(2026, 6, 15).getTime();

describe('sampleHistory', () => {
  const sample = sampleHistory({ seed: 42, now });
  const { pipeline, deals, events } = sample;

  it('names the qualification stage "Cualificación" in Spanish', () => {
    const es = samplePipeline({ now, lang: 'es' });
    expect(es.stages[2].names).to.deep.equal({ en: 'Qualification', es: 'Cualificación' });
  });

  it('makes the asked number of deals over two quarters before now', () => {
    expect(deals).to.have.length(300);
    const start = new Date(2026, 0, 15).getTime();
    for (const d of deals) {
      expect(d.createdAt).to.be.within(start, now - 1);
      expect(d.pipelineId).to.equal(pipeline.id);
      expect(d.currency).to.equal('EUR');
      expect(d.amount).to.be.above(0);
      expect(d.owner).to.be.a('string');
      expect(d.company).to.be.a('string');
    }
    expect(new Set(deals.map((d) => d.id)).size).to.equal(300);
  });

  it('keeps every event consistent with the deals and stages', () => {
    const dealIds = new Set(deals.map((d) => d.id));
    const stageIds = new Set(pipeline.stages.map((s) => s.id));
    const eventIds = new Set<string>();
    let previous = -Infinity;
    for (const e of events) {
      expect(dealIds.has(e.dealId), e.id).to.equal(true);
      expect(stageIds.has(e.to), e.id).to.equal(true);
      if (e.from !== null) expect(stageIds.has(e.from), e.id).to.equal(true);
      expect(e.at, 'events in time order').to.be.at.least(previous);
      expect(e.at).to.be.at.most(now);
      previous = e.at;
      eventIds.add(e.id);
    }
    expect(eventIds.size, 'unique event ids').to.equal(events.length);
  });

  it("matches each deal's record to its last event", () => {
    const byDeal = new Map<string, StageEvent[]>();
    for (const e of events) byDeal.set(e.dealId, [...(byDeal.get(e.dealId) ?? []), e]);
    for (const d of deals) {
      const own = byDeal.get(d.id) ?? [];
      expect(own[0].kind, d.id).to.equal('created');
      expect(own[0].at, d.id).to.equal(d.createdAt);
      for (let k = 1; k < own.length; k++) {
        expect(own[k].at, d.id).to.be.above(own[k - 1].at);
        // A move leaves the stage the deal was in.
        if (own[k].kind === 'moved') expect(own[k].from, d.id).to.equal(own[k - 1].to);
      }
      const last = own[own.length - 1];
      expect(last.to, d.id).to.equal(d.stageId);
      expect(d.outcome, d.id).to.equal(
        last.kind === 'won' || last.kind === 'lost' ? last.kind : 'open',
      );
      expect(d.updatedAt, d.id).to.equal(last.at);
      expect(d.version, d.id).to.equal(own.length);
      const entered = own.filter((e) => e.kind !== 'won' && e.kind !== 'lost').pop();
      expect(d.stageEnteredAt, d.id).to.equal(entered?.at);
      expect(d.lostReason !== undefined, d.id).to.equal(d.outcome === 'lost');
    }
    // The analytics replay agrees with the records.
    for (const p of replay(pipeline, deals, events, now)) {
      expect(p.outcome, p.deal.id).to.equal(p.deal.outcome);
      expect(pipeline.stages[p.current].id, p.deal.id).to.equal(p.deal.stageId);
    }
  });

  it('has every kind of history the analytics must handle', () => {
    const stats = stageStats(pipeline, deals, events, { now });
    expect(stats.won, 'won').to.be.above(10);
    expect(stats.lost, 'lost').to.be.above(50);
    expect(stats.open, 'open').to.be.above(10);
    expect(stats.backwardMoves, 'backward moves').to.be.above(0);
    expect(
      events.some((e) => e.kind === 'reopened'),
      'reopened',
    ).to.equal(true);
    expect(deals.some((d) => d.stageId !== 'prospecting' && d.createdAt === d.stageEnteredAt)).to.be
      .true;
    expect(Object.keys(stats.lostReasons).length).to.be.at.least(3);
    expect(findNaN(stats)).to.equal(null);
    for (const s of stats.stages) expect(s.reached).to.equal(s.advanced + s.lost + s.open);
    // The window (15 January to 15 July) spans three calendar quarters.
    const quarters = periods(pipeline, deals, events, { now, count: 3 });
    expect(quarters.map((q) => q.label)).to.deep.equal(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(quarters.reduce((sum, q) => sum + q.newDeals, 0)).to.equal(300);
  });

  it('is deterministic for a seed', () => {
    expect(sampleHistory({ seed: 42, now })).to.deep.equal(sample);
    expect(sampleHistory({ seed: 43, now }).deals).to.not.deep.equal(deals);
  });

  it('advances from the first stage at its designed rate', () => {
    // Deals created in the first stage advance with chance 0.6 (the price effect averages out);
    // a lost deal may be reopened (4 %) and then advance (0.6), adding up to 0.4·0.04·0.6 ≈ 0.01.
    const big = sampleHistory({ seed: 7, now, deals: 3000 });
    const paths = replay(big.pipeline, big.deals, big.events, now);
    const fromStart = paths.filter(
      (p) => p.deal.createdAt === p.reachedAt[0] && p.stays[0]?.stage === 0,
    );
    const went = fromStart.filter((p) => p.depth >= 1).length;
    const lost = fromStart.filter((p) => p.depth === 0 && p.outcome === 'lost').length;
    const rate = went / (went + lost);
    const se = Math.sqrt((0.6 * 0.4) / (went + lost));
    expect(went + lost).to.be.above(2000);
    expect(rate).to.be.within(0.6 - 5 * se, 0.61 + 5 * se);
  });

  it('fills a given pipeline and localizes its texts', () => {
    const given = pipelineOf(['x', 'y']);
    const es = sampleHistory({ seed: 1, now, pipeline: given, deals: 40, quarters: 1, lang: 'es' });
    expect(es.pipeline).to.equal(given);
    expect(es.deals).to.have.length(40);
    expect(new Set(es.deals.map((d) => d.stageId))).to.satisfy((s: Set<string>) =>
      [...s].every((id) => id === 'x' || id === 'y'),
    );
    const reasons = new Set(es.deals.flatMap((d) => (d.lostReason ? [d.lostReason] : [])));
    expect([...reasons].every((r) => /[a-zá-ú]/.test(r) && !/^(Price|No budget)$/.test(r))).to.be
      .true;
    expect(samplePipeline({ now, lang: 'es' }).stages[0].name).to.equal('Prospección');
    expect(() => sampleHistory({ seed: 1, now, pipeline: pipelineOf([]) })).to.throw(RangeError);
  });
});
