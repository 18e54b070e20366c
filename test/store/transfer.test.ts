import { expect } from '@open-wc/testing';
import type { Pipeline } from '../../src/model/types.js';
import { parseCsv } from '../../src/store/csv.js';
import type { PipelineExport } from '../../src/store/records.js';
import { createIdbRepository } from '../../src/store/idb-repository.js';
import { distinctSizes } from '../../src/store/messages.js';
import type { SalesRepository } from '../../src/store/repository.js';
import {
  csvToDeals,
  dealsToCsv,
  exportPipelineJson,
  guessMapping,
  importCsv,
  importPipelineJson,
  MAX_IMPORT_BYTES,
  parseAmount,
  parseDate,
} from '../../src/store/transfer.js';
import { cleanup, counterIds, omit, rejection, stepClock, uniqueName } from './helpers.js';

const pipeline: Pipeline = {
  id: 'p',
  name: 'P',
  currency: 'EUR',
  stages: [
    { id: 'lead', name: 'Lead', names: { en: 'Lead', es: 'Prospecto' } },
    { id: 'proposal', name: 'Proposal', names: { en: 'Proposal', es: 'Propuesta' } },
  ],
  createdAt: 1,
  updatedAt: 1,
};

describe('store transfer: reading files', () => {
  it('maps Pipedrive, HubSpot and Spanish headers', () => {
    expect(
      guessMapping([
        'Title',
        'Value',
        'Organization',
        'Contact person',
        'Stage',
        'Expected close date',
        'Owner',
        'Status',
        'Lost reason',
      ]),
    ).to.deep.equal({
      title: 0,
      amount: 1,
      company: 2,
      contact: 3,
      stage: 4,
      expectedClose: 5,
      owner: 6,
      outcome: 7,
      lostReason: 8,
    });
    expect(
      guessMapping([
        'Deal Name',
        'Amount',
        'Deal Stage',
        'Close Date',
        'Deal owner',
        'Create Date',
      ]),
    ).to.deep.equal({
      title: 0,
      amount: 1,
      stage: 2,
      expectedClose: 3,
      owner: 4,
      createdAt: 5,
    });
    expect(
      guessMapping([
        'Nombre del negocio',
        'Importe',
        'Empresa',
        'Etapa',
        'Fecha de cierre',
        'Responsable',
      ]),
    ).to.deep.equal({
      title: 0,
      amount: 1,
      company: 2,
      stage: 3,
      expectedClose: 4,
      owner: 5,
    });
  });

  it('reads amounts as people write them', () => {
    const cases: [string, number][] = [
      ['2500', 2500],
      ['2,500.50', 2500.5],
      ['2.500,50', 2500.5],
      ['1.234', 1234],
      ['1,5', 1.5],
      ['€ 1 200', 1200],
      ['1200 €', 1200],
      ['$3,000,000', 3000000],
      ['0.125', 0.125],
      ['1234.567', 1234.567],
    ];
    for (const [text, n] of cases) expect(parseAmount(text), text).to.equal(n);
    for (const bad of ['abc', '12abc34', '', '1.2.3,4,5x']) expect(parseAmount(bad), bad).to.be.NaN;
  });

  it('reads dates in ISO, and day-first or month-first as the language says', () => {
    expect(parseDate('2025-03-07', true)).to.equal('2025-03-07');
    expect(parseDate('2025-03-07T10:00:00Z', false)).to.equal('2025-03-07');
    expect(parseDate('7/3/2025', true)).to.equal('2025-03-07');
    expect(parseDate('7/3/2025', false)).to.equal('2025-07-03');
    expect(parseDate('25/12/2025', false)).to.equal('2025-12-25');
    expect(parseDate('2025-02-29', true)).to.equal(null);
    expect(parseDate('soon', true)).to.equal(null);
  });

  it('validates every row and reports each bad one by spreadsheet row and field', () => {
    const csv = [
      'Deal Name,Amount,Deal Stage,Close Date',
      'Good,"1,000",Lead,2025-01-31',
      'Bad amount,lots,Lead,',
      'Bad stage,5,Limbo,',
      ',5,Lead,31/31/2025',
    ].join('\n');
    const { errors, deals } = csvToDeals(parseCsv(csv), pipeline, { lang: 'es' });
    expect(deals[0]).to.deep.equal({
      title: 'Good',
      amount: 1000,
      stageId: 'lead',
      expectedClose: '2025-01-31',
    });
    expect(errors.map((e) => [e.row, e.field])).to.deep.equal([
      [3, 'amount'],
      [4, 'stage'],
      [5, 'expectedClose'],
      [5, 'title'],
    ]);
    expect(errors[0]!.message).to.equal('El importe no es un número: «lots»');
    expect(errors[1]!.message).to.equal(
      'No hay ninguna etapa llamada «Limbo» en este flujo de ventas',
    );
  });

  it('keeps HTML in a title as plain text and reads closed-won stages as outcomes', () => {
    const csv =
      'Title;Stage;Lost reason\n<img src=x onerror=alert(1)>;Closed Won;\nB;Perdido;Precio\nC;propuesta;';
    const { deals, errors } = csvToDeals(parseCsv(csv), pipeline);
    expect(errors).to.deep.equal([]);
    expect(deals.map((d) => [d.title, d.stageId, d.outcome ?? 'open', d.lostReason])).to.deep.equal(
      [
        ['<img src=x onerror=alert(1)>', 'proposal', 'won', undefined],
        ['B', 'proposal', 'lost', 'Precio'],
        ['C', 'proposal', 'open', undefined],
      ],
    );
  });

  it('says so when no column holds a title, or when there are no rows', () => {
    expect(csvToDeals(parseCsv('Foo,Bar\n1,2'), pipeline).errors.map((e) => e.code)).to.deep.equal([
      'no-columns',
    ]);
    expect(csvToDeals(parseCsv('Title\n'), pipeline).errors.map((e) => e.code)).to.deep.equal([
      'empty',
    ]);
  });
});

describe('store transfer: import and export', () => {
  let repo: SalesRepository;
  beforeEach(async () => {
    repo = await createIdbRepository({
      name: uniqueName('transfer'),
      now: stepClock(),
      newId: counterIds(),
    });
    await repo.createPipeline({ id: 'p', name: 'P', stages: pipeline.stages });
  });
  afterEach(async () => {
    repo.close();
    await cleanup();
  });

  it('imports a good CSV file with progress, all in one go', async () => {
    const lines = ['Title,Amount,Stage,Owner'];
    for (let i = 0; i < 3000; i += 1)
      lines.push(`Deal ${i},${i},${i % 2 ? 'Proposal' : 'Lead'},Ana`);
    const phases = new Set<string>();
    const stored = await importCsv(repo, 'p', new Blob([lines.join('\r\n')]), {
      onProgress: (p) => phases.add(p.phase),
    });
    expect(stored).to.have.length(3000);
    expect([...phases]).to.deep.equal(['read', 'validate', 'write']);
    expect((await repo.summarize('p')).stages.map((s) => s.count)).to.deep.equal([1500, 1500]);
  });

  it('imports nothing from a file with one bad row among good ones', async () => {
    const csv = 'Title,Amount\nA,1\nB,2\nC,three\nD,4';
    const error = await rejection(importCsv(repo, 'p', csv));
    expect(error.code).to.equal('invalid');
    expect(error.message).to.contain('row 4');
    expect(await repo.listDeals('p')).to.deep.equal([]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    let read = false;
    const huge = {
      size: MAX_IMPORT_BYTES + 1,
      text: async () => ((read = true), ''),
    } as unknown as Blob;
    const error = await rejection(importCsv(repo, 'p', huge, { lang: 'es' }));
    expect(error.code).to.equal('too-large');
    // One byte over: the sizes are written so that they differ.
    expect(error.message).to.equal(
      'El archivo ocupa 52.428.801 bytes; el máximo para importar es 52.428.800 bytes. Divídalo en partes.',
    );
    expect(read).to.equal(false);
  });

  it('writes a size and the limit so that they read as different, with as few digits as it takes', () => {
    const MB = 1024 * 1024;
    expect(distinctSizes('en', 60 * MB, 50 * MB)).to.deep.equal(['60.0 MB', '50.0 MB']);
    expect(distinctSizes('en', 50 * MB + 1024, 50 * MB)).to.deep.equal(['50.001 MB', '50.000 MB']);
    expect(distinctSizes('es', 50 * MB + 60 * 1024, 50 * MB)).to.deep.equal(['50,1 MB', '50,0 MB']);
    expect(distinctSizes('en', 50 * MB + 1, 50 * MB)).to.deep.equal([
      '52,428,801 bytes',
      '52,428,800 bytes',
    ]);
  });

  it('CSV export then import gives back the same deals, formula-like text included', async () => {
    await repo.createDeal('p', {
      title: '=HYPERLINK("http://evil")',
      company: 'Acme, "Inc"',
      notes: 'line 1\nline 2',
      amount: 1234.5,
      owner: '@ana',
      expectedClose: '2025-06-30',
      stageId: 'proposal',
      createdAt: 1_700_000_000_123,
    });
    await repo.createDeal('p', {
      title: 'Lost one',
      outcome: 'lost',
      lostReason: 'Price',
      currency: 'USD',
    });
    const before = await repo.listDeals('p');
    for (const lang of ['en', 'es'] as const) {
      const csv = dealsToCsv((await repo.getPipeline('p'))!, before, { lang });
      if (lang === 'en') expect(csv).to.contain(`'=HYPERLINK(""http://evil"")`);
      const other = await createIdbRepository({
        name: uniqueName('csv-trip'),
        newId: counterIds('new'),
      });
      try {
        await other.createPipeline({ id: 'p', name: 'P', stages: pipeline.stages });
        const after = await importCsv(other, 'p', csv, { lang });
        const fields = (d: (typeof before)[number]) => omit(d, 'id', 'updatedAt');
        expect(after.map(fields)).to.deep.equal(before.map(fields));
      } finally {
        other.close();
      }
    }
  });

  it('writes a three-decimal amount so that it is not read back as thousands', async () => {
    const d = await repo.createDeal('p', { title: 'Per unit', amount: 1.234 });
    const csv = dealsToCsv((await repo.getPipeline('p'))!, [d]);
    expect(parseCsv(csv).rows[1]![3]).to.equal('1.2340');
    const [back] = await importCsv(repo, 'p', csv);
    expect(back!.amount).to.equal(1.234);
  });

  it('JSON export then import into an empty database gives back the same pipeline, deals and history', async () => {
    const d = await repo.createDeal('p', { title: 'Deal', amount: 10 });
    await repo.moveDeal(d.id, 'proposal', { expectedVersion: 1 });
    await repo.moveDeal(d.id, 'lead', { expectedVersion: 2 });
    await repo.setOutcome(d.id, 'lost', { expectedVersion: 3, reason: 'Timing' });
    const json = await exportPipelineJson(repo, 'p');
    const other = await createIdbRepository({ name: uniqueName('json-trip') });
    try {
      await importPipelineJson(other, new Blob([json]));
      const first = omit(JSON.parse(json) as PipelineExport, 'exportedAt');
      expect(omit(await other.exportPipeline('p'), 'exportedAt')).to.deep.equal(first);
      expect((await rejection(importPipelineJson(other, json))).code).to.equal('invalid');
      await importPipelineJson(other, json, { replace: true });
      expect(await other.listDeals('p')).to.have.length(1);
    } finally {
      other.close();
    }
  });

  it('rejects a bad JSON file naming the fields, storing nothing', async () => {
    const other = await createIdbRepository({ name: uniqueName('json-bad') });
    try {
      const file = JSON.parse(await exportPipelineJson(repo, 'p'));
      file.pipeline.id = 'q';
      file.deals = [
        {
          id: 'x',
          title: 'ok',
          amount: 'ten',
          currency: 'EUR',
          stageId: 'nope',
          outcome: 'open',
          createdAt: 1,
          updatedAt: 1,
          stageEnteredAt: 1,
          version: 1,
        },
      ];
      file.events = [{ id: 'e', dealId: 'ghost', kind: 'moved', from: null, to: 'lead', at: 1 }];
      const error = await rejection(importPipelineJson(other, JSON.stringify(file)));
      expect(error.details.map((d) => d.field)).to.deep.equal([
        'deals[0].amount',
        'deals[0].stageId',
        'events[0].dealId',
      ]);
      // Each deal's problem says which deal, as a person finds it in the file.
      expect(error.details[0]!.message).to.equal(
        'Deal 1 “ok” (id x): Amount is not a number: “ten”',
      );
      expect(await other.listPipelines()).to.deep.equal([]);
      expect((await rejection(importPipelineJson(other, '{ not json'))).code).to.equal('invalid');
    } finally {
      other.close();
    }
  });
});
