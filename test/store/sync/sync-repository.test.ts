import { expect } from '@open-wc/testing';
import * as Y from 'yjs';
import { stageStats } from '../../../src/analytics/index.js';
import type { StoreChange } from '../../../src/store/repository.js';
import { TRASH_DAYS } from '../../../src/store/sync/doc-backend.js';
import { SyncRepository } from '../../../src/store/sync/sync-repository.js';
import { stepClock } from '../helpers.js';
import { exchange, peers, sharedPipeline } from './peers.js';

describe('SyncRepository: two documents exchanging updates', () => {
  it('ends a concurrent move of one deal in the same stage on both, with both moves in the history and the export', async () => {
    const [ana, ben] = peers(['ana', 'ben'], stepClock());
    await sharedPipeline([ana!, ben!]);
    const deal = await ana!.repo.createDeal('p', { title: 'Acme renewal' });
    exchange(ana!.doc, ben!.doc);

    await ana!.repo.moveDeal(deal.id, 'b', { expectedVersion: deal.version });
    await ben!.repo.moveDeal(deal.id, 'c', { expectedVersion: deal.version });
    exchange(ana!.doc, ben!.doc);

    const onA = await ana!.repo.getDeal(deal.id);
    const onB = await ben!.repo.getDeal(deal.id);
    expect(onA).to.deep.equal(onB);
    const moves = (await ana!.repo.listEvents('p')).filter((e) => e.kind === 'moved');
    expect(moves.map((e) => e.to).sort()).to.deep.equal(['b', 'c']);
    expect(await ben!.repo.listEvents('p')).to.deep.equal(await ana!.repo.listEvents('p'));
    const exported = await ben!.repo.exportPipeline('p');
    expect(exported.events.filter((e) => e.kind === 'moved')).to.have.length(2);

    // The person whose move lost is told which deal and where it went; the other is not.
    const lostA = ana!.notices.filter((n) => n.type === 'move-lost');
    const lostB = ben!.notices.filter((n) => n.type === 'move-lost');
    const [loser, winner] = onA!.stageId === 'b' ? [lostB, lostA] : [lostA, lostB];
    expect(winner).to.deep.equal([]);
    expect(loser).to.deep.equal([
      { type: 'move-lost', dealId: deal.id, title: 'Acme renewal', stageId: onA!.stageId },
    ]);
  });

  it('keeps both people’s edits of different fields of one deal', async () => {
    const [ana, ben] = peers(['ana', 'ben'], stepClock());
    await sharedPipeline([ana!, ben!]);
    const deal = await ana!.repo.createDeal('p', { title: 'Acme', amount: 100 });
    exchange(ana!.doc, ben!.doc);
    await ana!.repo.updateDeal(deal.id, { amount: 250 }, deal.version);
    await ben!.repo.updateDeal(deal.id, { company: 'Acme Ltd' }, deal.version);
    exchange(ana!.doc, ben!.doc);
    const merged = await ben!.repo.getDeal(deal.id);
    expect(merged).to.include({ amount: 250, company: 'Acme Ltd', title: 'Acme' });
    expect(await ana!.repo.getDeal(deal.id)).to.deep.equal(merged);
  });

  it('tells subscribers of a peer’s changes as changes from elsewhere', async () => {
    const [ana, ben] = peers(['ana', 'ben'], stepClock());
    await sharedPipeline([ana!, ben!]);
    const seen: StoreChange[] = [];
    ben!.repo.subscribe('p', (c) => seen.push(c));
    const deal = await ana!.repo.createDeal('p', { title: 'Acme' });
    exchange(ana!.doc, ben!.doc);
    expect(seen.some((c) => !c.local && c.ids.includes(deal.id))).to.equal(true);
    seen.length = 0;
    await ana!.repo.moveDeal(deal.id, 'b', { expectedVersion: deal.version });
    exchange(ana!.doc, ben!.doc);
    expect(seen).to.deep.include({
      type: 'deal-moved',
      pipelineId: 'p',
      ids: [deal.id],
      local: false,
    });
  });

  it('keeps a deleted deal in the trash, with its history, until it is restored or 30 days pass', async () => {
    let now = Date.UTC(2026, 0, 1);
    const [ana, ben] = peers(['ana', 'ben'], () => (now += 1000));
    await sharedPipeline([ana!, ben!]);
    const deal = await ana!.repo.createDeal('p', { title: 'Acme' });
    const moved = await ana!.repo.moveDeal(deal.id, 'b', { expectedVersion: deal.version });
    const snapshot = await ana!.repo.deleteDeal(deal.id);
    exchange(ana!.doc, ben!.doc);
    expect(await ben!.repo.listDeals('p')).to.deep.equal([]);
    expect(await ben!.repo.listEvents('p')).to.deep.equal([]);
    const trash = await ben!.repo.listTrash('p');
    expect(trash.map((t) => t.deal)).to.deep.equal([moved.deal]);
    expect(trash[0]!.events.map((e) => e.kind)).to.deep.equal(['created', 'moved']);

    // Undo on the other device brings the deal back with its history, everywhere.
    await ben!.repo.restoreDeal(trash[0]!);
    exchange(ana!.doc, ben!.doc);
    expect((await ana!.repo.getDeal(deal.id))?.stageId).to.equal('b');
    expect(await ana!.repo.listEvents('p')).to.deep.equal(snapshot.events);
    expect(await ana!.repo.listTrash('p')).to.deep.equal([]);

    await ana!.repo.deleteDeal(deal.id);
    now += (TRASH_DAYS - 1) * 24 * 3600 * 1000;
    expect(ana!.repo.purgeTrash()).to.equal(0);
    now += 2 * 24 * 3600 * 1000;
    expect(ana!.repo.purgeTrash()).to.equal(1);
    exchange(ana!.doc, ben!.doc);
    expect(await ben!.repo.listTrash('p')).to.deep.equal([]);
  });

  it('shows a deal moved into a stage someone removed meanwhile in the first stage, not nowhere', async () => {
    const [ana, ben] = peers(['ana', 'ben'], stepClock());
    await sharedPipeline([ana!, ben!]);
    const deal = await ana!.repo.createDeal('p', { title: 'Acme' });
    exchange(ana!.doc, ben!.doc);
    await ana!.repo.removeStage('p', 'c', 'b');
    await ben!.repo.moveDeal(deal.id, 'c', { expectedVersion: deal.version });
    exchange(ana!.doc, ben!.doc);
    for (const peer of [ana!, ben!]) {
      const deals = await peer.repo.listDeals('p');
      expect(deals.map((d) => [d.id, d.stageId])).to.deep.equal([[deal.id, 'a']]);
    }
  });

  it('carries pipeline fields it does not know (a newer version’s) through its own edits', async () => {
    const [ana, ben] = peers(['ana', 'ben'], stepClock());
    await sharedPipeline([ana!, ben!]);
    ana!.doc.transact(() => ana!.repo.docBackend.roots.pipelines.get('p')!.set('goal', 12));
    await ana!.repo.updatePipeline('p', { name: 'Renamed' });
    exchange(ana!.doc, ben!.doc);
    const p = (await ben!.repo.getPipeline('p')) as unknown as Record<string, unknown>;
    expect(p).to.include({ name: 'Renamed', goal: 12 });
  });

  it('the observed-rate analytics read the merged history the same on both sides', async () => {
    const [ana, ben] = peers(['ana', 'ben'], stepClock());
    await sharedPipeline([ana!, ben!]);
    const one = await ana!.repo.createDeal('p', { title: 'One' });
    const two = await ben!.repo.createDeal('p', { title: 'Two' });
    await ana!.repo.moveDeal(one.id, 'b', { expectedVersion: one.version });
    await ben!.repo.setOutcome(two.id, 'lost', { expectedVersion: two.version, reason: 'price' });
    exchange(ana!.doc, ben!.doc);
    const stats = async (repo: SyncRepository) =>
      stageStats(
        (await repo.getPipeline('p'))!,
        await repo.listDeals('p'),
        await repo.listEvents('p'),
        {
          now: 1e9,
        },
      );
    const s = await stats(ana!.repo);
    expect(await stats(ben!.repo)).to.deep.equal(s);
    expect(s.deals).to.equal(2);
    expect(s.stages[0]).to.include({ advanced: 1, lost: 1 });
  });
});

describe('SyncRepository: what a peer writes is checked on receipt', () => {
  it('leaves out records of the wrong shape, reads only known fields, and says how many it left out', async () => {
    const [ana] = peers(['ana'], stepClock());
    await ana!.repo.createPipeline({ id: 'p', name: 'P', stages: [{ id: 'a', name: 'A' }] });
    const good = await ana!.repo.createDeal('p', { title: 'Fine' });
    const evil = new Y.Doc();
    Y.applyUpdate(evil, Y.encodeStateAsUpdate(ana!.doc));
    evil.transact(() => {
      const deals = evil.getMap<Y.Map<unknown>>('deals');
      const bad = new Y.Map<unknown>();
      deals.set('bad', bad);
      for (const [k, v] of Object.entries({ ...good, id: 'bad', amount: 'lots' })) bad.set(k, v);
      deals.get(good.id)!.set('onclick', 'alert(1)');
      deals.get(good.id)!.set('title', '<img src=x onerror=alert(1)>');
      evil.getArray('events').push([{ id: 'e-bad', kind: 'exploded', dealId: good.id }]);
    });
    Y.applyUpdate(ana!.doc, Y.encodeStateAsUpdate(evil, Y.encodeStateVector(ana!.doc)), 'peer');
    const deals = await ana!.repo.listDeals('p');
    expect(deals.map((d) => d.id)).to.deep.equal([good.id]);
    expect(deals[0]).not.to.have.property('onclick');
    // Text is text: the board renders it through Lit's escaping, never as markup.
    expect(deals[0]!.title).to.equal('<img src=x onerror=alert(1)>');
    expect((await ana!.repo.listEvents('p')).map((e) => e.kind)).to.deep.equal(['created']);
    expect(ana!.notices.filter((n) => n.type === 'sync-rejected').length).to.be.greaterThan(0);
  });

  it('opens a document it was given as it was stored: a restart reads the same records', async () => {
    const [ana] = peers(['ana'], stepClock());
    await sharedPipeline([ana!]);
    await ana!.repo.createDeal('p', { title: 'Kept' });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ana!.doc));
    const again = new SyncRepository(copy);
    expect(await again.listDeals('p')).to.deep.equal(await ana!.repo.listDeals('p'));
    expect(await again.listEvents('p')).to.deep.equal(await ana!.repo.listEvents('p'));
  });
});
