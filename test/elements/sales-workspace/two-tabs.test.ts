import { expect, fixture, html } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { isSampleDealId } from '../../../src/analytics/sample.js';
import '../../../src/elements/sales-workspace/define.js';
import type { SalesWorkspace } from '../../../src/elements/sales-workspace/sales-workspace.js';
import type { Deal } from '../../../src/model/types.js';
import { openRepository } from '../../../src/store/open.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { openTabB, type TabB } from '../../two-tabs/client.js';
import { expectNothingLost, tabBWritesBetween } from '../../two-tabs/race.js';

const PIPELINE = 'ws';
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 30);
const SAMPLE = 60;

const status = (el: SalesWorkspace) => el.shadowRoot!.querySelector('.status')!.textContent!.trim();
const byId = (deals: Deal[]) => new Map(deals.map((d) => [d.id, d]));

async function workspace(repo: SalesRepository, lang = 'en') {
  const el = await fixture<SalesWorkspace>(
    html`<sales-workspace lang=${lang} pipeline=${PIPELINE} .repository=${repo}></sales-workspace>`,
  );
  await el.updateComplete;
  return el;
}

describe('<sales-workspace> with the same pipeline open in two tabs', () => {
  let name: string;
  let repo: SalesRepository;
  let tabB: TabB;
  let counter = 0;

  beforeEach(async () => {
    name = `test-workspace-two-tabs-${Date.now().toString(36)}-${(counter += 1)}`;
    repo = await openRepository({ name });
    await repo.createPipeline({
      id: PIPELINE,
      name: 'Test',
      stages: [
        { id: 'lead', name: 'Lead' },
        { id: 'offer', name: 'Offer' },
      ],
    });
    await repo.createDeal(PIPELINE, { title: 'Mine', stageId: 'offer', amount: 10 });
    tabB = await openTabB(name);
  });
  afterEach(async () => {
    await tabB.close();
    repo.close();
    await deleteDB(name);
  });

  it('loading the sample while the other tab writes between its store calls loses none of those deals', async () => {
    const own = await repo.listDeals(PIPELINE);
    const race = tabBWritesBetween(repo, tabB, PIPELINE, 'lead');
    const el = await workspace(race.repository);

    race.start();
    expect(await el.loadSample({ deals: SAMPLE, now: NOW })).to.equal(SAMPLE);
    await race.stop();

    expect(status(el)).to.equal(
      `Sample pipeline loaded: ${SAMPLE} deals over the last two quarters.`,
    );
    await expectNothingLost(repo, PIPELINE, { own, written: race.written, sample: SAMPLE });
    el.remove();
  });

  it('loading the sample again keeps the sample deals moved or edited since, and says how many', async () => {
    const el = await workspace(repo, 'es');
    await el.loadSample({ deals: SAMPLE, now: NOW });
    const [moved, edited, closed] = (await repo.listDeals(PIPELINE)).filter(
      (d) => isSampleDealId(d.id, PIPELINE) && d.outcome !== 'won',
    );
    await tabB.call('moveDeal', moved!.id, moved!.stageId === 'lead' ? 'offer' : 'lead', {
      expectedVersion: moved!.version,
    });
    await repo.updateDeal(edited!.id, { notes: 'Llamar el lunes' }, edited!.version);
    await tabB.call('setOutcome', closed!.id, 'won', { expectedVersion: closed!.version });
    const left = byId(await repo.listDeals(PIPELINE));

    expect(await el.loadSample({ deals: SAMPLE, now: NOW + 30 * DAY })).to.equal(SAMPLE - 3);
    expect(status(el)).to.equal(
      `Flujo de ventas de ejemplo cargado: ${SAMPLE - 3} oportunidades de los dos últimos trimestres. ` +
        'Oportunidades de ejemplo que usted había modificado, conservadas tal como las dejó: 3.',
    );
    const stored = byId(await repo.listDeals(PIPELINE));
    for (const d of [moved!, edited!, closed!])
      expect(stored.get(d.id)).to.deep.equal(left.get(d.id));
    expect(stored.size).to.equal(left.size);
    el.remove();
  });
});
