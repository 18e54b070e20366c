import { expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import type { DealMovedEvent } from '../../../src/elements/sales-pipeline/events.js';
import { LOST_KEY, WON_KEY } from '../../../src/elements/sales-pipeline/board-model.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { createIdbRepository } from '../../../src/store/idb-repository.js';
import type { PipelineExport } from '../../../src/store/records.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { DB_VERSION } from '../../../src/store/schema.js';
import { parseCsv } from '../../../src/store/csv.js';
import {
  PIPELINE,
  board,
  button,
  card,
  catchDownloads,
  centre,
  column,
  dbName,
  deleteDatabases,
  memoryRepo,
  noticeTexts,
  pointerOn,
  root,
  seed,
  titlesIn,
} from './helpers.js';

const THREE = [
  { title: 'Alpha', company: 'Acme', amount: 1000, owner: 'Ana', stageId: 'lead' },
  { title: 'Beta', company: 'Bolt', amount: 2000, owner: 'Luis', stageId: 'offer' },
  { title: 'Gamma', company: 'Core', amount: 4000, owner: 'Ana', stageId: 'offer' },
];

const dialogOf = (el: SalesPipeline) => root(el).querySelector('dialog')!;
const stageIds = async (repo: SalesRepository) =>
  (await repo.getPipeline(PIPELINE))!.stages.map((s) => s.id);
const columnKeys = (el: SalesPipeline) =>
  [...root(el).querySelectorAll<HTMLElement>('.column')].map((c) => c.dataset.col);

async function openStageEditor(el: SalesPipeline): Promise<HTMLDialogElement> {
  button(el, 'Edit stages').click();
  await el.updateComplete;
  const dialog = dialogOf(el);
  expect(dialog.open).to.equal(true);
  return dialog;
}

describe('<sales-pipeline> stage editor', () => {
  it('adds a stage, refusing an empty name', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    const dialog = await openStageEditor(el);
    const form = dialog.querySelector<HTMLFormElement>('.stage-add')!;
    form.requestSubmit();
    await el.updateComplete;
    expect(dialog.querySelector('.notice.error')!.textContent).to.include('New stage name');
    expect(await stageIds(repo)).to.deep.equal(['lead', 'offer', 'deal']);

    form.querySelector('input')!.value = 'Contract sent';
    form.requestSubmit();
    await waitUntil(() => columnKeys(el).length === 6, 'the new column never showed');
    const stages = (await repo.getPipeline(PIPELINE))!.stages;
    expect(stages.map((s) => s.name)).to.deep.equal([
      'Lead',
      'Offer',
      'Negotiation',
      'Contract sent',
    ]);
    expect(column(el, stages[3]!.id).querySelector('h3')!.textContent).to.equal('Contract sent');
    // The editor stays open, lists the new stage and shows no error.
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelectorAll('.stages > li')).to.have.length(4);
    expect(dialog.querySelector('.notice.error')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('renames a stage, keeping its id and deals', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    const dialog = await openStageEditor(el);
    const name = dialog.querySelector<HTMLInputElement>('input[aria-label="Name of stage 2"]')!;
    expect(name.value).to.equal('Offer');
    name.value = 'Proposal';
    name.dispatchEvent(new Event('change'));
    await waitUntil(() => column(el, 'offer').querySelector('h3')!.textContent === 'Proposal');
    const offer = (await repo.getPipeline(PIPELINE))!.stages[1]!;
    expect(offer).to.include({ id: 'offer', name: 'Proposal' });
    expect(titlesIn(el, 'offer')).to.have.members(['Beta', 'Gamma']);
  });

  it('reorders stages with the arrow buttons', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    const dialog = await openStageEditor(el);
    dialog.querySelector<HTMLButtonElement>('button[aria-label="Move Lead right"]')!.click();
    await waitUntil(async () => (await stageIds(repo))[0] === 'offer');
    expect(await stageIds(repo)).to.deep.equal(['offer', 'lead', 'deal']);
    await waitUntil(() => columnKeys(el)[0] === 'offer');
    expect(columnKeys(el)).to.deep.equal(['offer', 'lead', 'deal', WON_KEY, LOST_KEY]);
    // The first stage cannot go further left, the last no further right.
    await el.updateComplete;
    const left = dialog.querySelector<HTMLButtonElement>('button[aria-label="Move Offer left"]')!;
    const right = dialog.querySelector<HTMLButtonElement>(
      'button[aria-label="Move Negotiation right"]',
    )!;
    expect([left.disabled, right.disabled]).to.deep.equal([true, true]);
    dialog.querySelector<HTMLButtonElement>('button[aria-label="Move Negotiation left"]')!.click();
    await waitUntil(async () => (await stageIds(repo))[1] === 'deal');
    expect(await stageIds(repo)).to.deep.equal(['offer', 'deal', 'lead']);
  });

  it('removes a stage after moving its deals, open and closed, to the stage chosen', async () => {
    const repo = memoryRepo();
    await seed(repo, [...THREE, { title: 'Delta', stageId: 'offer', outcome: 'won' }]);
    const el = await board(repo);
    const dialog = await openStageEditor(el);
    button(el, 'Remove Offer…').click();
    await el.updateComplete;
    const choice = dialog.querySelector('.stage-remove')!;
    // Beta, Gamma and the won Delta sit in Offer.
    expect(choice.textContent).to.include('Move its 3 deals to');
    const select = choice.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['lead', 'deal']);
    select.value = 'deal';
    button(el, 'Remove Offer').click();
    await waitUntil(() => !columnKeys(el).includes('offer'), 'the Offer column stayed');
    expect(await stageIds(repo)).to.deep.equal(['lead', 'deal']);
    const deals = await repo.listDeals(PIPELINE);
    const where = Object.fromEntries(deals.map((d) => [d.title, [d.stageId, d.outcome]]));
    expect(where).to.deep.equal({
      Alpha: ['lead', 'open'],
      Beta: ['deal', 'open'],
      Gamma: ['deal', 'open'],
      Delta: ['deal', 'won'],
    });
    const beta = deals.find((d) => d.title === 'Beta')!;
    const last = (await repo.listEvents(PIPELINE, { dealId: beta.id })).at(-1)!;
    expect(last).to.include({ kind: 'moved', from: 'offer', to: 'deal' });
    await el.updateComplete;
    expect(titlesIn(el, 'deal')).to.have.members(['Beta', 'Gamma']);
    expect(titlesIn(el, WON_KEY)).to.deep.equal(['Delta']);
  });

  it('cannot remove the last stage', async () => {
    const repo = memoryRepo();
    await repo.ensurePipeline(PIPELINE, { name: 'One', stages: [{ id: 'only', name: 'Only' }] });
    const el = await board(repo);
    const dialog = await openStageEditor(el);
    expect(button(el, 'Remove Only…').disabled).to.equal(true);
    expect(dialog.textContent).to.include('A pipeline needs at least one stage.');
  });
});

describe('<sales-pipeline> import and export', () => {
  let downloads: ReturnType<typeof catchDownloads>;
  beforeEach(() => (downloads = catchDownloads()));
  afterEach(() => downloads.restore());

  it('exports the shown pipeline as CSV with a header row', async () => {
    const repo = memoryRepo();
    await seed(repo, [
      ...THREE,
      { title: 'Lost one', stageId: 'lead', outcome: 'lost', lostReason: 'Price' },
    ]);
    const el = await board(repo);
    button(el, 'Export CSV').click();
    expect(downloads.files).to.have.length(1);
    const file = await downloads.files[0]!;
    expect(file.name).to.equal(`${PIPELINE}.csv`);
    expect(file.type).to.equal('text/csv');
    const { rows } = parseCsv(file.text);
    const header = rows[0]!;
    expect(header).to.deep.equal([
      'Title',
      'Company',
      'Contact',
      'Amount',
      'Currency',
      'Owner',
      'Expected close date',
      'Stage',
      'Status',
      'Lost reason',
      'Notes',
      'Created',
    ]);
    const byTitle = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect([...byTitle.keys()].sort()).to.deep.equal(['Alpha', 'Beta', 'Gamma', 'Lost one']);
    expect(byTitle.get('Gamma')!.slice(0, 8)).to.deep.equal([
      'Gamma',
      'Core',
      '',
      '4000',
      'EUR',
      'Ana',
      '',
      'Offer',
    ]);
    expect(byTitle.get('Lost one')![9]).to.equal('Price');
  });

  it('exports JSON that, imported into another board, gives back the same pipeline, deals and history', async () => {
    const source = memoryRepo();
    await seed(source, THREE);
    const first = await board(source);
    const alpha = (await source.listDeals(PIPELINE)).find((d) => d.title === 'Alpha')!;
    await first.moveDeal(alpha.id, { stageId: 'offer' });
    await first.moveDeal(alpha.id, { outcome: 'lost', reason: 'Budget' });
    button(first, 'Export JSON').click();
    await waitUntil(() => downloads.files.length === 1, 'nothing was downloaded');
    const file = await downloads.files[0]!;
    expect(file.name).to.equal(`${PIPELINE}.json`);
    const exported = JSON.parse(file.text) as PipelineExport;
    expect(exported.deals).to.have.length(3);
    expect(exported.events).to.have.length(5);

    const target = memoryRepo();
    await seed(target, [{ title: 'Replaced', stageId: 'lead' }]);
    const second = await board(target);
    await second.importFile(new File([file.text], file.name, { type: 'application/json' }));
    await second.updateComplete;
    const dialog = dialogOf(second);
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.include('Replace this pipeline?').and.include('3 deals');
    button(second, 'Continue').click();
    await waitUntil(() => titlesIn(second, LOST_KEY).includes('Alpha'), 'import never showed');
    const withoutTime = ({ exportedAt: _, ...rest }: PipelineExport) => rest;
    expect(withoutTime(await target.exportPipeline(PIPELINE))).to.deep.equal(
      withoutTime(await source.exportPipeline(PIPELINE)),
    );
    expect(titlesIn(second, 'offer')).to.have.members(['Beta', 'Gamma']);
    expect(titlesIn(second, 'lead')).to.deep.equal([]);
    expect(noticeTexts(second).join(' ')).to.include('Imported 3 deals from board.json');
  });

  it('reports a JSON file that is not a pipeline, storing nothing', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    await el.importFile(new File(['{"deals": ['], 'broken.json', { type: 'application/json' }));
    await el.updateComplete;
    const report = root(el).querySelector('.import-errors')!;
    expect(report.textContent).to.include('Nothing was imported from broken.json');
    expect(report.textContent).to.include('broken.json:');
    expect(dialogOf(el).open).to.equal(false);
    expect(await repo.listDeals(PIPELINE)).to.have.length(3);
  });

  it('loads the sample pipeline after confirmation, keeping the own deals', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    button(el, 'Load sample pipeline').click();
    await el.updateComplete;
    expect(dialogOf(el).textContent).to.include('Add 300 sample deals');
    button(el, 'Continue').click();
    await waitUntil(async () => (await repo.listDeals(PIPELINE)).length === 303, 'no sample', {
      timeout: 5000,
    });
    const deals = await repo.listDeals(PIPELINE);
    const outcomes = new Set(deals.map((d) => d.outcome));
    expect([...outcomes].sort()).to.deep.equal(['lost', 'open', 'won']);
    expect(deals.filter((d) => d.title === 'Alpha')).to.have.length(1);
    // Every sample deal has a history that starts with its creation.
    const events = await repo.listEvents(PIPELINE);
    const created = events.filter((e) => e.kind === 'created').length;
    expect(created).to.equal(303);
    await waitUntil(() => root(el).querySelector('[aria-live]')!.textContent!.includes('300'));
    await el.updateComplete;
    const shown = ['lead', 'offer', 'deal', WON_KEY, LOST_KEY].reduce(
      (n, key) =>
        n + Number(column(el, key).querySelector('.card')?.getAttribute('aria-setsize') ?? 0),
      0,
    );
    expect(shown).to.equal(303);

    // Loading it again replaces the earlier sample instead of adding another 300.
    await el.loadSample();
    expect(await repo.listDeals(PIPELINE)).to.have.length(303);
  });
});

describe('<sales-pipeline> touch', () => {
  it('drags a card by its grip with a finger', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    const alpha = card(el, 'Alpha');
    const grip = alpha.querySelector('.grip')!;
    const [x, y] = centre(alpha);
    const [tx, ty] = centre(column(el, 'offer').querySelector('header')!);
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    const finger = pointerOn(grip, 'touch', 11);
    finger('pointerdown', x, y);
    finger('pointermove', x + 10, y + 10);
    finger('pointermove', tx, ty);
    await el.updateComplete;
    expect(column(el, 'offer').classList.contains('target')).to.equal(true);
    finger('pointerup', tx, ty);
    const event = await moved;
    expect(event.detail).to.deep.include({
      to: { stageId: 'offer', outcome: 'open' },
      source: 'pointer',
    });
    const stored = (await repo.listDeals(PIPELINE)).find((d) => d.title === 'Alpha')!;
    expect(stored.stageId).to.equal('offer');
  });

  it('leaves a finger on the rest of the card to scroll the column', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    let moves = 0;
    el.addEventListener('deal-before-move', () => (moves += 1));
    const alpha = card(el, 'Alpha');
    const [x, y] = centre(alpha);
    const [tx, ty] = centre(column(el, 'offer').querySelector('header')!);
    const finger = pointerOn(alpha.querySelector('.title')!, 'touch', 12);
    finger('pointerdown', x, y);
    finger('pointermove', tx, ty);
    await el.updateComplete;
    expect(root(el).querySelector('.ghost')).to.equal(null);
    finger('pointerup', tx, ty);
    await el.updateComplete;
    expect(moves).to.equal(0);
    expect(dialogOf(el).open).to.equal(false);
    expect(titlesIn(el, 'lead')).to.deep.equal(['Alpha']);
  });
});

describe('<sales-pipeline> connection notices', () => {
  const open: SalesRepository[] = [];
  afterEach(async () => {
    fixtureCleanup();
    for (const r of open.splice(0)) r.close();
    await deleteDatabases();
  });

  it('says reload, with a button, when a newer version of the app opens the database', async () => {
    const name = dbName('newer');
    const repo = await createIdbRepository({ name });
    open.push(repo);
    await seed(repo, THREE);
    const el = await board(repo);
    const [alpha] = await repo.listDeals(PIPELINE);
    expect(noticeTexts(el).join(' ')).to.not.include('Reload');
    // A newer version in another tab: this connection closes itself so its upgrade can run.
    const request = indexedDB.open(name, DB_VERSION + 1);
    await new Promise((resolve) => (request.onsuccess = resolve));
    request.result.close();
    await waitUntil(() => root(el).querySelector('.notice[role="alert"] button'));
    const notice = root(el).querySelector('.notice[role="alert"]')!;
    expect(notice.textContent).to.include('newer version');
    expect(notice.querySelector('button')!.textContent!.trim()).to.equal('Reload');
    // A move now fails instead of pretending to be saved; the card stays where it was.
    expect(await el.moveDeal(alpha!.id, { stageId: 'deal' })).to.equal(false);
    await el.updateComplete;
    expect(titlesIn(el, 'lead')).to.deep.equal(['Alpha']);
    await expect(el).to.be.accessible();
  });
});
