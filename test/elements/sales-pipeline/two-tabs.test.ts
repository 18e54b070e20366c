import { expect, waitUntil } from '@open-wc/testing';
import { isSampleDealId } from '../../../src/analytics/sample.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import type { Deal } from '../../../src/model/types.js';
import { openRepository } from '../../../src/store/open.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { openTabB, type TabB } from '../../two-tabs/client.js';
import { expectNothingLost, tabBWritesBetween } from '../../two-tabs/race.js';
import {
  PIPELINE,
  board,
  dbName,
  deleteDatabases,
  announced,
  root,
  seed,
  toolbarField,
} from './helpers.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 30);
const SAMPLE = 60;

/** The titles of the cards a person sees in the column named `name` (its list, by its label). */
function cardsIn(el: SalesPipeline, name: string): string[] {
  const list = [...root(el).querySelectorAll('ul[aria-labelledby]')].find(
    (ul) => root(el).getElementById(ul.getAttribute('aria-labelledby')!)?.textContent === name,
  );
  return [...(list?.querySelectorAll('li') ?? [])].map((li) =>
    li.querySelector('.title')!.textContent!.trim(),
  );
}

async function shows(el: SalesPipeline, column: string, title: string, present = true) {
  await waitUntil(
    () => cardsIn(el, column).includes(title) === present,
    `“${title}” never ${present ? 'appeared in' : 'left'} ${column}`,
    { timeout: 5000 },
  );
}

const byId = (deals: Deal[]) => new Map(deals.map((d) => [d.id, d]));

describe('<sales-pipeline> with the same pipeline open in two tabs', () => {
  let name: string;
  let repo: SalesRepository;
  let tabB: TabB;
  let el: SalesPipeline | undefined;

  beforeEach(async () => {
    name = dbName('two-tabs');
    repo = await openRepository({ name });
    await seed(repo, [
      { title: 'Alpha', stageId: 'lead', amount: 100 },
      { title: 'Beta', stageId: 'offer', amount: 200 },
    ]);
    tabB = await openTabB(name);
  });
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await tabB.close();
    repo.close();
    await deleteDatabases();
  });

  it('shows a deal created and a deal moved in the other tab, each in its column', async () => {
    el = await board(repo);
    expect(cardsIn(el, 'Lead')).to.deep.equal(['Alpha']);

    const created = await tabB.call('createDeal', PIPELINE, {
      title: 'From tab B',
      stageId: 'offer',
    });
    await shows(el, 'Offer', 'From tab B');

    const alpha = (await repo.listDeals(PIPELINE)).find((d) => d.title === 'Alpha')!;
    await tabB.call('moveDeal', alpha.id, 'deal', { expectedVersion: alpha.version });
    await shows(el, 'Negotiation', 'Alpha');
    await shows(el, 'Lead', 'Alpha', false);
    expect(cardsIn(el, 'Offer').sort()).to.deep.equal(['Beta', 'From tab B']);

    // Tab B's deal is stored as tab B wrote it, for both tabs.
    expect(await tabB.call('getDeal', created.id)).to.deep.equal(created);
    expect(await repo.getDeal(created.id)).to.deep.equal(created);
  });

  it('loading the sample while the other tab writes between its store calls loses none of those deals', async () => {
    const own = await repo.listDeals(PIPELINE);
    const race = tabBWritesBetween(repo, tabB, PIPELINE, 'offer');
    el = await board(race.repository);

    race.start();
    await el.loadSample({ deals: SAMPLE, now: NOW });
    await race.stop();

    await expectNothingLost(repo, PIPELINE, { own, written: race.written, sample: SAMPLE });
    // And the board shows them: a reload under way does not hide a deal read after it began.
    // The column is windowed, so each is looked up by its title, as a person would.
    const search = toolbarField(el, 'Search');
    for (const deal of race.written) {
      search.value = deal.title;
      search.dispatchEvent(new Event('input'));
      await shows(el, 'Offer', deal.title);
    }
  });

  it('loading the sample again keeps the sample deals moved or edited since, and says how many', async () => {
    el = await board(repo);
    await el.loadSample({ deals: SAMPLE, now: NOW });
    await el.updateComplete;
    expect(announced(el)).to.equal(`Sample pipeline loaded: ${SAMPLE} deals.`);

    const samples = (await repo.listDeals(PIPELINE)).filter((d) => isSampleDealId(d.id, PIPELINE));
    const [moved, edited] = samples;
    // One moved in the other tab, one edited in this one.
    await tabB.call('moveDeal', moved!.id, moved!.stageId === 'lead' ? 'deal' : 'lead', {
      expectedVersion: moved!.version,
    });
    await repo.updateDeal(edited!.id, { title: 'Renamed by me', amount: 1234 }, edited!.version);
    const left = byId(await repo.listDeals(PIPELINE));
    const eventsLeft = await repo.listEvents(PIPELINE);

    await el.loadSample({ deals: SAMPLE, now: NOW + 30 * DAY });
    await el.updateComplete;
    expect(announced(el)).to.equal(
      `Sample pipeline loaded: ${SAMPLE - 2} deals. Sample deals you had changed, kept as you left them: 2.`,
    );
    const stored = byId(await repo.listDeals(PIPELINE));
    const events = await repo.listEvents(PIPELINE);
    for (const d of [moved!, edited!]) {
      expect(stored.get(d.id)).to.deep.equal(left.get(d.id));
      const own = (list: typeof events) => list.filter((e) => e.dealId === d.id);
      expect(own(events)).to.deep.equal(own(eventsLeft));
    }
    expect(stored.size).to.equal(left.size);
  });
});
