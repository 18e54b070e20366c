import { expect } from '@open-wc/testing';
import type { Preset } from '../../src/model/types.js';
import type { SalesRepository } from '../../src/store/repository.js';
import { StoreError } from '../../src/store/errors.js';
import { cleanup, counterIds, makeRepository, rejection, stepClock, type Kind } from './helpers.js';

// The same contract, run against every implementation: the memory fallback and the synced
// repository over a Y.Doc must behave exactly like IndexedDB.
for (const kind of ['indexeddb', 'memory', 'yjs'] as Kind[]) {
  describe(`SalesRepository (${kind})`, () => {
    let repo: SalesRepository;

    beforeEach(async () => {
      repo = await makeRepository(kind, { now: stepClock(), newId: counterIds() });
    });
    afterEach(async () => {
      repo.close();
      await cleanup();
    });

    const twoStages = {
      id: 'p',
      name: 'Test',
      stages: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
    };

    it('reports whether it persists', () => {
      expect(repo.persistent).to.equal(kind === 'indexeddb');
    });

    it('creates a pipeline with the 7-stage preset’s deal stages, and ensurePipeline returns it afterwards', async () => {
      const p = await repo.ensurePipeline('default');
      // Up to Close (the preset's won stage); after-sale follow-up is not a deal column.
      expect(p.stages.map((s) => s.id)).to.deep.equal([
        'prospecting',
        'first-contact',
        'qualification',
        'offer-presentation',
        'negotiation',
        'close',
      ]);
      expect(p.stages[1]!.names).to.deep.equal({ es: 'Primer contacto', en: 'First contact' });
      expect(p.stages[5]!.probability).to.equal(0.8);
      expect(p.stages[4]!.probability).to.equal(0.6 * 0.8);
      expect(p.currency).to.equal('EUR');
      const again = await repo.ensurePipeline('default', { name: 'Other' });
      expect(again).to.deep.equal(p);
      expect(await repo.listPipelines()).to.have.length(1);
    });

    it('stores a goal with the pipeline, keeps it through other edits, and removes it with null', async () => {
      await repo.createPipeline(twoStages);
      expect((await repo.getPipeline('p'))!.goal).to.equal(undefined);
      await repo.updatePipeline('p', { goal: { revenue: 120000 } });
      await repo.updatePipeline('p', { name: 'Renamed' });
      const stored = (await repo.getPipeline('p'))!;
      expect(stored.goal).to.deep.equal({ revenue: 120000 });
      expect(stored.name).to.equal('Renamed');
      const error = await rejection(repo.updatePipeline('p', { goal: { revenue: -5 } }));
      expect(error).to.be.instanceOf(StoreError);
      expect((await repo.getPipeline('p'))!.goal).to.deep.equal({ revenue: 120000 });
      await repo.updatePipeline('p', { goal: null });
      expect((await repo.getPipeline('p'))!).not.to.have.property('goal');
    });

    it('stores the plan (a saved scenario’s id) with the pipeline, refuses an empty one, removes it with null', async () => {
      await repo.createPipeline(twoStages);
      expect((await repo.getPipeline('p'))!).not.to.have.property('plan');
      await repo.updatePipeline('p', { plan: 'scenario-1', goal: { revenue: 5 } });
      await repo.updatePipeline('p', { name: 'Renamed' });
      expect((await repo.getPipeline('p'))!.plan).to.equal('scenario-1');
      for (const plan of ['  ', 7 as unknown as string]) {
        const error = await rejection(repo.updatePipeline('p', { plan }));
        expect(error).to.be.instanceOf(StoreError);
        expect((error as Error).message).to.contain('plan');
      }
      expect((await repo.getPipeline('p'))!.plan).to.equal('scenario-1');
      await repo.updatePipeline('p', { plan: null });
      const stored = (await repo.getPipeline('p'))!;
      expect(stored).not.to.have.property('plan');
      expect(stored.goal).to.deep.equal({ revenue: 5 });
    });

    it('takes stages from a preset, up to the won stage, with the chance of winning from each', async () => {
      const preset = {
        id: 'x',
        scenario: {
          leads: 100,
          dealValue: 1,
          currency: 'EUR',
          wonStage: 1,
          stages: [
            { name: 'Contacto', names: { en: 'Contact', es: 'Contacto' }, rate: 0.5 },
            { name: 'Cierre', names: { en: 'Close', es: 'Cierre' }, rate: 0.25 },
            { name: 'Posventa', rate: 0.9 },
          ],
        },
      } as unknown as Preset;
      const p = await repo.createPipeline({ name: 'From preset', preset });
      expect(p.stages.map((s) => [s.id, s.probability])).to.deep.equal([
        ['contact', 0.125],
        ['close', 0.25],
      ]);
    });

    it('creates a deal with a created event in the first stage', async () => {
      await repo.createPipeline(twoStages);
      const deal = await repo.createDeal('p', { title: ' <b>Acme</b> ', amount: 1200 });
      expect(deal).to.include({
        title: '<b>Acme</b>',
        stageId: 'a',
        version: 1,
        outcome: 'open',
        currency: 'EUR',
      });
      expect(await repo.getDeal(deal.id)).to.deep.equal(deal);
      const events = await repo.listEvents('p');
      expect(events.map((e) => [e.kind, e.from, e.to])).to.deep.equal([['created', null, 'a']]);
    });

    it('rejects a bad deal naming every bad field, and stores nothing', async () => {
      await repo.createPipeline(twoStages);
      const error = await rejection(
        repo.createDeal('p', { title: '', amount: -1, expectedClose: '2025-02-30', stageId: 'zz' }),
      );
      expect(error).to.be.instanceOf(StoreError);
      expect(error.code).to.equal('invalid');
      expect(error.details.map((d) => d.field).sort()).to.deep.equal(
        ['amount', 'expectedClose', 'stageId', 'title'].sort(),
      );
      expect(await repo.listDeals('p')).to.deep.equal([]);
      expect(await repo.listEvents('p')).to.deep.equal([]);
    });

    it('moves a deal forward and back, writing the deal and one event per move', async () => {
      await repo.createPipeline(twoStages);
      const d = await repo.createDeal('p', { title: 'Deal' });
      const forward = await repo.moveDeal(d.id, 'b', { expectedVersion: 1, at: 50_000 });
      expect(forward.deal).to.include({ stageId: 'b', version: 2, stageEnteredAt: 50_000 });
      const back = await repo.moveDeal(d.id, 'a', { expectedVersion: 2, at: 60_000 });
      expect(back.event).to.include({ kind: 'moved', from: 'b', to: 'a', at: 60_000 });
      const same = await repo.moveDeal(d.id, 'a', { expectedVersion: 3 });
      expect(same.event).to.equal(undefined);
      const history = await repo.listEvents('p', { dealId: d.id });
      expect(history.map((e) => `${e.kind}:${e.from}>${e.to}`)).to.deep.equal([
        'created:null>a',
        'moved:a>b',
        'moved:b>a',
      ]);
      expect((await repo.getDeal(d.id))!.version).to.equal(3);
    });

    it('refuses an update or move based on an old version, with the current record', async () => {
      await repo.createPipeline(twoStages);
      const d = await repo.createDeal('p', { title: 'Deal', amount: 10 });
      const other = await repo.updateDeal(d.id, { amount: 20 }, 1);
      expect(other.version).to.equal(2);
      const error = await rejection(repo.updateDeal(d.id, { amount: 30 }, 1));
      expect(error.code).to.equal('conflict');
      expect(error.current).to.deep.equal(other);
      const moveError = await rejection(repo.moveDeal(d.id, 'b', { expectedVersion: 1 }));
      expect(moveError.code).to.equal('conflict');
      expect(await repo.getDeal(d.id)).to.deep.equal(other);
      expect(await repo.listEvents('p')).to.have.length(1);
    });

    it('a move to a stage that does not exist leaves the deal and history untouched', async () => {
      await repo.createPipeline(twoStages);
      const d = await repo.createDeal('p', { title: 'Deal' });
      const error = await rejection(repo.moveDeal(d.id, 'nowhere', { expectedVersion: 1 }));
      expect(error.code).to.equal('invalid');
      expect(await repo.getDeal(d.id)).to.deep.equal(d);
      expect(await repo.listEvents('p')).to.have.length(1);
    });

    it('records won and lost with a reason, and reopening', async () => {
      await repo.createPipeline(twoStages);
      const d = await repo.createDeal('p', { title: 'Deal' });
      const lost = await repo.setOutcome(d.id, 'lost', { expectedVersion: 1, reason: 'Price' });
      expect(lost.deal).to.include({ outcome: 'lost', lostReason: 'Price', version: 2 });
      const open = await repo.setOutcome(d.id, 'open', { expectedVersion: 2 });
      expect(open.deal.lostReason).to.equal(undefined);
      await repo.setOutcome(d.id, 'won', { expectedVersion: 3 });
      const kinds = (await repo.listEvents('p')).map((e) => e.kind);
      expect(kinds).to.deep.equal(['created', 'lost', 'reopened', 'won']);
    });

    it('reopens a closed deal into another stage in one write: one version, two events', async () => {
      await repo.createPipeline(twoStages);
      const d = await repo.createDeal('p', { title: 'Deal' });
      await repo.setOutcome(d.id, 'lost', { expectedVersion: 1, reason: 'Price' });
      const back = await repo.moveDeal(d.id, 'b', { expectedVersion: 2, reopen: true, at: 70_000 });
      expect(back.deal).to.include({
        outcome: 'open',
        stageId: 'b',
        version: 3,
        stageEnteredAt: 70_000,
        updatedAt: 70_000,
      });
      expect(back.deal).to.not.have.property('lostReason');
      expect(back.events!.map((e) => `${e.kind}:${e.from}>${e.to}@${e.at}`)).to.deep.equal([
        'reopened:a>a@70000',
        'moved:a>b@70000',
      ]);
      expect(back.event).to.deep.equal(back.events![1]);
      expect(await repo.getDeal(d.id)).to.deep.equal(back.deal);
      // Listed in the order they happened, though written at the same time.
      const history = await repo.listEvents('p', { dealId: d.id });
      expect(history.map((e) => e.kind)).to.deep.equal(['created', 'lost', 'reopened', 'moved']);
    });

    it('reopen with a move: in the same stage only reopens; an open deal only moves', async () => {
      await repo.createPipeline(twoStages);
      const d = await repo.createDeal('p', { title: 'Deal' });
      await repo.setOutcome(d.id, 'won', { expectedVersion: 1 });
      const same = await repo.moveDeal(d.id, 'a', { expectedVersion: 2, reopen: true });
      expect(same.deal).to.include({ outcome: 'open', stageId: 'a', version: 3 });
      expect(same.events!.map((e) => e.kind)).to.deep.equal(['reopened']);
      const open = await repo.moveDeal(d.id, 'b', { expectedVersion: 3, reopen: true });
      expect(open.events!.map((e) => e.kind)).to.deep.equal(['moved']);
      const none = await repo.moveDeal(d.id, 'b', { expectedVersion: 4, reopen: true });
      expect(none.event).to.equal(undefined);
      // Without `reopen` a closed deal keeps its outcome, as before.
      await repo.setOutcome(d.id, 'lost', { expectedVersion: 4, reason: 'Late' });
      const kept = await repo.moveDeal(d.id, 'a', { expectedVersion: 5 });
      expect(kept.deal).to.include({ outcome: 'lost', stageId: 'a', lostReason: 'Late' });
    });

    it('a reopen-and-move on an old version changes nothing', async () => {
      await repo.createPipeline(twoStages);
      const d = await repo.createDeal('p', { title: 'Deal' });
      const lost = await repo.setOutcome(d.id, 'lost', { expectedVersion: 1, reason: 'Price' });
      const error = await rejection(repo.moveDeal(d.id, 'b', { expectedVersion: 1, reopen: true }));
      expect(error.code).to.equal('conflict');
      expect(await repo.getDeal(d.id)).to.deep.equal(lost.deal);
      expect((await repo.listEvents('p')).map((e) => e.kind)).to.deep.equal(['created', 'lost']);
    });

    it('summarizes open deals per stage with weighted totals, and won / lost apart', async () => {
      await repo.createPipeline({
        ...twoStages,
        stages: [
          { id: 'a', name: 'A', probability: 0.25 },
          { id: 'b', name: 'B' },
        ],
      });
      await repo.createDeal('p', { title: '1', amount: 100 });
      await repo.createDeal('p', { title: '2', amount: 300 });
      await repo.createDeal('p', { title: '3', amount: 50, stageId: 'b' });
      await repo.createDeal('p', { title: '4', amount: 7, outcome: 'won' });
      await repo.createDeal('p', { title: '5', amount: 9, outcome: 'lost', lostReason: 'x' });
      expect(await repo.summarize('p')).to.deep.equal({
        stages: [
          { stageId: 'a', count: 2, amount: 400, weighted: 100 },
          { stageId: 'b', count: 1, amount: 50, weighted: 50 },
        ],
        won: { count: 1, amount: 7 },
        lost: { count: 1, amount: 9 },
      });
    });

    it('deletes a deal with its history and restores it from the snapshot', async () => {
      await repo.createPipeline(twoStages);
      const d = await repo.createDeal('p', { title: 'Deal' });
      await repo.moveDeal(d.id, 'b', { expectedVersion: 1 });
      const snapshot = await repo.deleteDeal(d.id, 2);
      expect(await repo.getDeal(d.id)).to.equal(undefined);
      expect(await repo.listEvents('p')).to.deep.equal([]);
      const restored = await repo.restoreDeal(snapshot);
      expect(restored).to.include({ id: d.id, stageId: 'b', version: 3 });
      expect(await repo.listEvents('p')).to.deep.equal(snapshot.events);
    });

    it('adds, renames, reorders and removes stages; removal moves the deals and records it', async () => {
      await repo.createPipeline(twoStages);
      let p = await repo.addStage('p', { name: 'Negociación' }, 1);
      expect(p.stages.map((s) => s.id)).to.deep.equal(['a', 'negociacion', 'b']);
      p = await repo.renameStage('p', 'negociacion', 'Negotiation');
      expect(p.stages[1]).to.deep.equal({ id: 'negociacion', name: 'Negotiation' });
      p = await repo.reorderStages('p', ['b', 'a', 'negociacion']);
      expect(p.stages.map((s) => s.id)).to.deep.equal(['b', 'a', 'negociacion']);
      expect((await rejection(repo.reorderStages('p', ['a', 'b']))).code).to.equal('invalid');
      const d1 = await repo.createDeal('p', { title: '1', stageId: 'a' });
      const d2 = await repo.createDeal('p', { title: '2', stageId: 'a' });
      p = await repo.removeStage('p', 'a', 'b');
      expect(p.stages.map((s) => s.id)).to.deep.equal(['b', 'negociacion']);
      const deals = await repo.listDeals('p', { stageId: 'b' });
      expect(deals.map((d) => d.id).sort()).to.deep.equal([d1.id, d2.id].sort());
      const moves = (await repo.listEvents('p')).filter((e) => e.kind === 'moved');
      expect(moves.map((e) => `${e.from}>${e.to}`)).to.deep.equal(['a>b', 'a>b']);
    });

    it('imports many deals all or nothing', async () => {
      await repo.createPipeline(twoStages);
      const good = Array.from({ length: 2500 }, (_, i) => ({
        title: `Deal ${i}`,
        amount: i,
        stageId: i % 2 ? 'b' : 'a',
      }));
      const progress: string[] = [];
      const stored = await repo.importDeals('p', good, {
        onProgress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`),
      });
      expect(stored).to.have.length(2500);
      expect(await repo.listDeals('p', { stageId: 'b' })).to.have.length(1250);
      expect(progress).to.include('write:2500/2500');
      expect(progress).to.include('validate:2500/2500');
      const bad = [{ title: 'ok' }, { title: 'x', amount: Number.NaN }, { title: '' }];
      const error = await rejection(repo.importDeals('p', bad));
      expect(error.details.map((d) => [d.row, d.field])).to.deep.equal([
        [2, 'amount'],
        [3, 'title'],
      ]);
      expect(await repo.listDeals('p')).to.have.length(2500);
    });

    it('saves, renames, lists and deletes scenarios', async () => {
      const scenario = {
        leads: 10,
        dealValue: 5,
        currency: 'EUR',
        wonStage: 0,
        stages: [{ name: 'A', rate: 0.5 }],
      };
      const s1 = await repo.saveScenario({ name: 'Base', pipelineId: 'p', scenario });
      const s2 = await repo.saveScenario({ name: 'Loose', scenario });
      expect((await repo.listScenarios('p')).map((s) => s.id)).to.deep.equal([s1.id]);
      expect((await repo.listScenarios(null)).map((s) => s.id)).to.deep.equal([s2.id]);
      const renamed = await repo.renameScenario(s1.id, 'Better');
      expect(renamed).to.include({ name: 'Better', createdAt: s1.createdAt });
      await repo.deleteScenario(s2.id);
      expect((await repo.listScenarios()).map((s) => s.name)).to.deep.equal(['Better']);
    });

    it('deletes a pipeline with everything in it', async () => {
      await repo.createPipeline(twoStages);
      await repo.createDeal('p', { title: 'x' });
      await repo.deletePipeline('p');
      expect(await repo.getPipeline('p')).to.equal(undefined);
      expect(await repo.listDeals('p')).to.deep.equal([]);
      expect(await repo.listEvents('p')).to.deep.equal([]);
    });

    it('notifies this tab’s subscribers after each committed change only', async () => {
      await repo.createPipeline(twoStages);
      const seen: string[] = [];
      const off = repo.subscribe('p', (c) => seen.push(`${c.type}:${c.local}`));
      const d = await repo.createDeal('p', { title: 'x' });
      await rejection(repo.moveDeal(d.id, 'b', { expectedVersion: 9 }));
      await repo.moveDeal(d.id, 'b', { expectedVersion: 1 });
      off();
      await repo.createDeal('p', { title: 'y' });
      expect(seen).to.deep.equal(['deal:true', 'deal-moved:true']);
    });
  });
}
