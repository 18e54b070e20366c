import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { parseCsv } from '../../../src/store/csv.js';
import type { PipelineExport } from '../../../src/store/records.js';
import {
  PIPELINE,
  THREE,
  announced,
  boardWith,
  button,
  cardsIn,
  catchDownloads,
  dialogOf,
  noticeTexts,
  root,
  titlesIn,
} from './helpers.js';

/** The report of a refused import (an error notice listing rows), if one is shown. */
const importReport = (el: SalesPipeline) =>
  [...root(el).querySelectorAll<HTMLElement>('[part="notice error"]')].find((n) =>
    n.textContent!.includes('Nothing was imported'),
  );

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Today as exports name it, in the local time zone: 2026-12-01. */
const today = () => {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
};

const csvFile = (text: string, name: string) => new File([text], name, { type: 'text/csv' });

describe('<sales-pipeline> import', () => {
  it('imports a good CSV all at once, and reports every bad row of a bad one without storing any', async () => {
    const { repo, el } = await boardWith([]);
    const good = 'Title,Company,Amount,Stage\nOne,Uno SL,100,Lead\nTwo,Dos SL,200,Offer\n';
    await el.importFile(csvFile(good, 'good.csv'));
    await el.updateComplete;
    expect(titlesIn(el, 'Lead')).to.deep.equal(['One']);
    expect(titlesIn(el, 'Offer')).to.deep.equal(['Two']);
    expect(noticeTexts(el).join(' ')).to.include('Imported 2 deals from good.csv');

    const bad = 'Title,Amount,Stage\nThree,300,Lead\n,abc,Lead\nFour,10,Nowhere\n';
    await el.importFile(csvFile(bad, 'bad.csv'));
    await el.updateComplete;
    const report = importReport(el)!;
    expect(report.getAttribute('role')).to.equal('alert');
    const rows = [...report.querySelectorAll('li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(rows.some((r) => r.startsWith('Row 3') && r.includes('Amount'))).to.equal(true);
    expect(rows.some((r) => r.startsWith('Row 3') && r.includes('Title'))).to.equal(true);
    expect(rows.some((r) => r.startsWith('Row 4') && r.includes('Nowhere'))).to.equal(true);
    expect((await repo.listDeals(PIPELINE)).map((d) => d.title)).to.have.members(['One', 'Two']);
  });

  it('focuses the result of an import: the message of a good file, the report of a bad one', async () => {
    const { repo, el } = await boardWith([{ title: 'A', stageId: 'lead' }]);
    button(el, 'Import CSV or JSON').focus();
    await el.importFile(csvFile('Title,Stage\nOne,Lead\nTwo,Offer\n', 'good.csv'));
    await el.updateComplete;
    const active = () => root(el).activeElement as HTMLElement | null;
    expect(active()?.getAttribute('part')).to.equal('notice');
    expect(active()!.textContent).to.include('Imported 2 deals from good.csv');

    await el.importFile(csvFile('Title,Amount,Stage\nThree,abc,Lead\n', 'bad.csv'));
    await el.updateComplete;
    expect(active()).to.equal(importReport(el));
    expect(active()!.textContent).to.include('Row 2');
    expect((await repo.listDeals(PIPELINE)).length).to.equal(3);
  });

  it('reports a JSON file that is not a pipeline, storing nothing', async () => {
    const { repo, el } = await boardWith(THREE);
    await el.importFile(new File(['{"deals": ['], 'broken.json', { type: 'application/json' }));
    await el.updateComplete;
    const report = importReport(el)!;
    expect(report.textContent).to.include('Nothing was imported from broken.json');
    expect(squash(report.querySelector('li')!.textContent)).to.equal(
      'broken.json is not valid JSON; check its quotes, commas and brackets.',
    );
    expect(dialogOf(el).open).to.equal(false);
    expect(await repo.listDeals(PIPELINE)).to.have.length(3);
  });

  it('says where a JSON file breaks in the board’s language, the engine’s English only in the console', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      const { repo, el } = await boardWith(THREE, 'es');
      const text = '{"deals": [], nombre: 1}';
      await el.importFile(new File([text], 'mal.json', { type: 'application/json' }));
      await el.updateComplete;
      const report = [...root(el).querySelectorAll('[part="notice error"]')].find((n) =>
        n.textContent!.includes('No se importó nada'),
      )!;
      expect(squash(report.querySelector('p')!.textContent)).to.equal(
        'No se importó nada de mal.json: 1 problema(s). ×',
      );
      expect(squash(report.querySelector('li')!.textContent)).to.equal(
        'mal.json no es un JSON válido (posición 14): el carácter "n" de la línea 1, columna 15, no se espera ahí; revise las comillas y las comas justo antes.',
      );
      expect(report.textContent).not.to.match(/Expected|property name|SyntaxError/);
      let v8 = '';
      try {
        JSON.parse(text);
      } catch (e) {
        v8 = (e as Error).message;
      }
      expect(warn.getCalls().some((c) => c.args.map(String).includes(v8))).to.equal(true);
      expect(await repo.listDeals(PIPELINE)).to.have.length(3);
    } finally {
      warn.restore();
    }
  });

  it('loads the sample pipeline after confirmation, keeping the own deals', async () => {
    const { repo, el } = await boardWith(THREE);
    button(el, 'Load sample pipeline').click();
    await el.updateComplete;
    expect(dialogOf(el).textContent).to.include('Add 300 sample deals');
    button(el, 'Continue').click();
    await el.updateComplete;
    const deals = await repo.listDeals(PIPELINE);
    expect(deals).to.have.length(303);
    const outcomes = new Set(deals.map((d) => d.outcome));
    expect([...outcomes].sort()).to.deep.equal(['lost', 'open', 'won']);
    expect(deals.filter((d) => d.title === 'Alpha')).to.have.length(1);
    // Every sample deal has a history that starts with its creation.
    const events = await repo.listEvents(PIPELINE);
    const created = events.filter((e) => e.kind === 'created').length;
    expect(created).to.equal(303);
    expect(announced(el)).to.include('Sample pipeline loaded: 300 deals');
    const shown = ['Lead', 'Offer', 'Negotiation', 'Won', 'Lost'].reduce(
      (n, heading) => n + Number(cardsIn(el, heading)[0]?.getAttribute('aria-setsize') ?? 0),
      0,
    );
    expect(shown).to.equal(303);

    // Loading it again replaces the earlier sample instead of adding another 300.
    await el.loadSample();
    expect(await repo.listDeals(PIPELINE)).to.have.length(303);
  });
});

describe('<sales-pipeline> export', () => {
  let downloads: ReturnType<typeof catchDownloads>;
  beforeEach(() => (downloads = catchDownloads()));
  afterEach(() => downloads.restore());

  it('exports the shown pipeline as CSV with a header row', async () => {
    const { el } = await boardWith([
      ...THREE,
      { title: 'Lost one', stageId: 'lead', outcome: 'lost', lostReason: 'Price' },
    ]);
    button(el, 'Export CSV').click();
    // The CSV writer loads with the first export: the board's update waits for it.
    await el.updateComplete;
    expect(downloads.files).to.have.length(1);
    const file = await downloads.files[0]!;
    expect(file.name).to.equal(`${PIPELINE}-${today()}.csv`);
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
    const { repo: source, el: first } = await boardWith(THREE);
    const alpha = (await source.listDeals(PIPELINE)).find((d) => d.title === 'Alpha')!;
    await first.moveDeal(alpha.id, { stageId: 'offer' });
    await first.moveDeal(alpha.id, { outcome: 'lost', reason: 'Budget' });
    button(first, 'Export JSON').click();
    await first.updateComplete;
    expect(downloads.files, 'one file downloaded').to.have.length(1);
    const file = await downloads.files[0]!;
    expect(file.name).to.equal(`${PIPELINE}-${today()}.json`);
    const exported = JSON.parse(file.text) as PipelineExport;
    expect(exported.deals).to.have.length(3);
    expect(exported.events).to.have.length(5);

    const { repo: target, el: second } = await boardWith([{ title: 'Replaced', stageId: 'lead' }]);
    await second.importFile(new File([file.text], file.name, { type: 'application/json' }));
    await second.updateComplete;
    const dialog = dialogOf(second);
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.include('Replace this pipeline?').and.include('3 deals');
    button(second, 'Continue').click();
    await second.updateComplete;
    expect(titlesIn(second, 'Lost')).to.include('Alpha');
    const withoutTime = ({ exportedAt: _, ...rest }: PipelineExport) => rest;
    expect(withoutTime(await target.exportPipeline(PIPELINE))).to.deep.equal(
      withoutTime(await source.exportPipeline(PIPELINE)),
    );
    expect(titlesIn(second, 'Offer')).to.have.members(['Beta', 'Gamma']);
    expect(titlesIn(second, 'Lead')).to.deep.equal([]);
    expect(noticeTexts(second).join(' ')).to.include(
      `Imported 3 deals from ${PIPELINE}-${today()}.json`,
    );
  });
});
