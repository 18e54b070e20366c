import { expect } from '@open-wc/testing';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import { NotUtf8Error, firstLineWith } from '../../../src/store/import/decode.js';
import { resolvePlan } from '../../../src/store/import/map-rows.js';
import type { ImportPlan } from '../../../src/store/import/plan.js';
import { skippedRowsCsv } from '../../../src/store/import/report.js';
import { readCsvRecords } from '../../../src/store/import/csv-stream.js';
import { stageStats } from '../../../src/analytics/stage-stats.js';
import { boardPipeline, mapOf, PIPELINE_ID, scanOf, HUBSPOT_EN, PIPEDRIVE_EN } from './fixtures.js';

// Reading a real export: encodings, delimiters and line ends, dates decided by their whole
// column, line numbers as the spreadsheet shows them, and what is written.

const US_CLOSE = (() => {
  // 40 US dates; 12 of them (day ≤ 12) could be read either way, the other 28 prove month/day.
  const rows = ['Title,Close Date'];
  for (let i = 0; i < 40; i += 1) {
    const day = i < 12 ? i + 1 : 13 + (i % 15);
    rows.push(`Deal ${i},${(i % 12) + 1}/${day}/2026`);
  }
  return rows.join('\n');
})();

describe('import: reading the file', () => {
  it('decides a date column from all its values: 12 of 40 US dates are not swapped', async () => {
    const p = await boardPipeline(createMemoryRepository());
    const { deals, questions, bad } = await mapOf(US_CLOSE, p);
    expect(questions).to.deep.equal([]);
    expect(bad).to.deep.equal([]);
    // "2/2/2026" is read as month/day like "1/13/2026" beside it.
    expect(deals[1]!.expectedClose).to.equal('2026-02-02');
    expect(deals[3]!.expectedClose).to.equal('2026-04-04');
    expect(deals[12]!.expectedClose).to.equal('2026-01-25');
    expect(deals.every((d) => /^2026-\d{2}-\d{2}$/.test(d.expectedClose!))).to.equal(true);
  });

  it('asks when no value of a date column decides, and reads ISO dates and Excel serials as such', async () => {
    const p = await boardPipeline(createMemoryRepository());
    const ambiguous = await mapOf('Title,Close date\nA,03/04/2026\nB,05/06/2026\n', p);
    expect(ambiguous.questions.map((q) => [q.header, q.options])).to.deep.equal([
      ['Close date', ['dmy', 'mdy']],
    ]);
    const answered = await mapOf('Title,Close date\nA,03/04/2026\nB,05/06/2026\n', p, {
      adjust: (plan) => (plan.dates[1] = 'mdy'),
    });
    expect(answered.deals.map((d) => d.expectedClose)).to.deep.equal(['2026-03-04', '2026-05-06']);
    const excel = await mapOf('Title,Close date,Created\nA,46115,2026-01-05T10:00:00Z\n', p);
    expect(excel.deals[0]).to.deep.include({
      expectedClose: '2026-04-03',
      createdAt: Date.parse('2026-01-05T10:00:00Z'),
    });
  });

  it('reads UTF-8 with or without a BOM, and UTF-16 LE from Excel "Unicode text" (tab separated)', async () => {
    const p = await boardPipeline(createMemoryRepository());
    const text = 'Título\tEmpresa\tImporte\r\nRenovación\tCompañía Ibérica\t1.500,50\r\n';
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    for (const [bytes, encoding] of [
      [withBom, 'utf-8'],
      [new TextEncoder().encode(text), 'utf-8'],
      [utf16, 'utf-16le'],
    ] as const) {
      const { scan, deals } = await mapOf(bytes, p, { lang: 'es' });
      expect([scan.encoding, scan.delimiter, scan.headers[0]], encoding).to.deep.equal([
        encoding,
        '\t',
        'Título',
      ]);
      expect(deals[0], encoding).to.deep.include({
        title: 'Renovación',
        company: 'Compañía Ibérica',
        amount: 1500.5,
      });
    }
  });

  it('refuses Windows-1252 read as UTF-8, saying what it looks like, and reads it once told', async () => {
    const p = await boardPipeline(createMemoryRepository());
    const latin = 'Title;Company\r\nRenewal;Compañía Ibérica\r\n';
    const bytes = new Uint8Array([...latin].map((c) => c.charCodeAt(0)));
    let refused: unknown;
    try {
      await scanOf(bytes);
    } catch (e) {
      refused = e;
    }
    expect(refused).to.be.instanceOf(NotUtf8Error);
    expect((refused as NotUtf8Error).suggestion).to.equal('windows-1252');
    expect(firstLineWith(bytes, 'windows-1252')).to.equal('Renewal;Compañía Ibérica');
    const { deals } = await mapOf(bytes, p, { encoding: 'windows-1252' });
    expect(deals[0]!.company).to.equal('Compañía Ibérica');
  });

  it('numbers rows as the spreadsheet does: header 1, blank lines counted, quoted line breaks inside a row', async () => {
    for (const end of ['\r\n', '\n', '\r']) {
      const text = [
        'Title,Notes,Amount',
        'A,"two',
        'lines",10',
        '',
        'B,,x',
        'C,"say ""hi""",5',
      ].join(end);
      const p = await boardPipeline(createMemoryRepository());
      const { rows, deals } = await mapOf(text, p);
      expect(
        rows.map((r) => [r.line, r.problems.map((e) => e.field)]),
        JSON.stringify(end),
      ).to.deep.equal([
        [2, []],
        [4, ['Amount']],
        [5, []],
      ]);
      expect(deals.map((d) => d.notes)).to.deep.equal([`two${end}lines`, 'say "hi"']);
    }
    expect(readCsvRecords('a;b;c\n1;2;3').delimiter).to.equal(';');
  });
});

describe('import: writing', () => {
  it('takes 997 of 1,000 rows and reports the 3 in the file’s own layout', async () => {
    const repo = createMemoryRepository();
    const p = await boardPipeline(repo);
    const lines = ['ID;Title;Amount;Stage;Close date'];
    for (let i = 1; i <= 1000; i += 1) {
      const amount = i === 10 ? '12x' : i === 500 ? '' : `${i},50`;
      const title = i === 500 ? '' : `Deal ${i}`;
      const close = i === 999 ? '31/02/2026' : '15/03/2026';
      lines.push(`${i};${title};${amount};Lead;${close}`);
    }
    const { scan, plan, rows, deals, bad } = await mapOf(lines.join('\r\n'), p);
    expect(deals).to.have.length(997);
    expect(bad.map((r) => r.line)).to.deep.equal([11, 501, 1000]);
    const resolved = resolvePlan(plan, scan.headers, p, 'en');
    const result = await repo.importMapped(PIPELINE_ID, {
      deals,
      newStages: resolved.newStages,
      lines: rows.filter((r) => r.deal).map((r) => r.line),
    });
    expect(result).to.deep.include({ added: 997, updated: 0, unchanged: 0 });
    expect(await repo.listDeals(PIPELINE_ID)).to.have.length(997);
    const report = readCsvRecords(skippedRowsCsv(scan.headers, scan.delimiter, rows, 'en'));
    expect(report.delimiter).to.equal(';');
    expect(report.records.map((r) => r.cells)).to.deep.equal([
      [
        'ID',
        'Title',
        'Amount',
        'Stage',
        'Close date',
        'Import: line',
        'Import: field',
        'Import: problem',
      ],
      [
        '10',
        'Deal 10',
        '12x',
        'Lead',
        '15/03/2026',
        '11',
        'Amount',
        'Amount is not a number: “12x”',
      ],
      ['500', '', '', 'Lead', '15/03/2026', '501', 'title', 'Title is required'],
      [
        '999',
        'Deal 999',
        '999,50',
        'Lead',
        '31/02/2026',
        '1000',
        'Close date',
        'Close date is not a valid date: “31/02/2026”',
      ],
    ]);
  });

  it('writes nothing when a row is bad and the import is all or nothing', async () => {
    const repo = createMemoryRepository();
    await boardPipeline(repo);
    let error: unknown;
    try {
      await repo.importMapped(PIPELINE_ID, {
        deals: [{ title: 'Good' }, { title: '', amount: -1 }],
        newStages: [{ id: 'extra', name: 'Extra' }],
        lines: [2, 3],
      });
    } catch (e) {
      error = e;
    }
    expect((error as { details: { row: number }[] }).details.map((d) => d.row)).to.deep.equal([
      3, 3,
    ]);
    expect(await repo.listDeals(PIPELINE_ID)).to.have.length(0);
    expect((await repo.getPipeline(PIPELINE_ID))!.stages.map((s) => s.id)).to.not.include('extra');
  });

  it('updates by source id on a re-import: "0 added, 3 updated, 0 unchanged", then all unchanged', async () => {
    const repo = createMemoryRepository();
    const p = await boardPipeline(repo);
    const adjust = (plan: ImportPlan) => {
      plan.stages['Appointment Scheduled'] = { kind: 'stage', stageId: 'lead' };
      plan.stages['Qualified To Buy'] = { kind: 'stage', stageId: 'qualified' };
    };
    const first = await mapOf(HUBSPOT_EN, p, { adjust });
    expect(await repo.importMapped(PIPELINE_ID, { deals: first.deals })).to.deep.include({
      added: 3,
      updated: 0,
      unchanged: 0,
    });
    const again = await mapOf(HUBSPOT_EN, p, { adjust });
    expect(await repo.importMapped(PIPELINE_ID, { deals: again.deals })).to.deep.include({
      added: 0,
      updated: 0,
      unchanged: 3,
    });
    const changed = await mapOf(HUBSPOT_EN.replace(/,(12500\.50|8000|3000),/g, ',99,'), p, {
      adjust,
    });
    expect(await repo.importMapped(PIPELINE_ID, { deals: changed.deals })).to.deep.include({
      added: 0,
      updated: 3,
      unchanged: 0,
    });
    const stored = await repo.listDeals(PIPELINE_ID);
    expect(stored.map((d) => [d.sourceId, d.amount, d.version]).sort()).to.deep.equal([
      ['9001', 99, 2],
      ['9002', 99, 2],
      ['9003', 99, 2],
    ]);
  });

  it('imports the export’s stage history, so conversion and time in stage work at once', async () => {
    const repo = createMemoryRepository();
    const p = await boardPipeline(repo);
    const { deals } = await mapOf(HUBSPOT_EN, p, {
      adjust: (plan) => {
        plan.stages['Appointment Scheduled'] = { kind: 'stage', stageId: 'lead' };
        plan.stages['Qualified To Buy'] = { kind: 'stage', stageId: 'qualified' };
      },
    });
    await repo.importMapped(PIPELINE_ID, { deals });
    const acme = (await repo.listDeals(PIPELINE_ID)).find((d) => d.sourceId === '9001')!;
    expect(acme.stageEnteredAt).to.equal(Date.parse('2026-01-20T11:00:00Z'));
    const events = await repo.listEvents(PIPELINE_ID, { dealId: acme.id });
    expect(events.map((e) => [e.kind, e.from, e.to, e.at])).to.deep.equal([
      ['created', null, 'lead', Date.parse('2026-01-05T09:30:00Z')],
      ['moved', 'lead', 'qualified', Date.parse('2026-01-20T11:00:00Z')],
    ]);
    const stats = stageStats(
      await repo.getPipeline(PIPELINE_ID).then((x) => x!),
      await repo.listDeals(PIPELINE_ID),
      await repo.listEvents(PIPELINE_ID),
      { now: Date.parse('2026-03-01T00:00:00Z') },
    );
    // Lead: Acme and Core went on, Bolt is still there.
    expect(stats.stages[0]!.observed).to.deep.include({ won: 2 });
  });

  it('replays a HubSpot re-export’s new stage dates as moves at those dates, never twice', async () => {
    const repo = createMemoryRepository({ now: () => Date.parse('2026-03-01T00:00:00Z') });
    const p = await boardPipeline(repo);
    const adjust = (plan: ImportPlan) => {
      plan.stages['Appointment Scheduled'] = { kind: 'stage', stageId: 'lead' };
      plan.stages['Qualified To Buy'] = { kind: 'stage', stageId: 'qualified' };
    };
    await repo.importMapped(PIPELINE_ID, { deals: (await mapOf(HUBSPOT_EN, p, { adjust })).deals });
    // A month later, Bolt entered Qualified To Buy on 20 February in HubSpot.
    const later = HUBSPOT_EN.replace(
      '9002,Bolt rollout,Appointment Scheduled,8000,2026-04-15,2026-02-01 10:00,Luis Gil,Bolt,,Sales Pipeline,2026-02-01 10:00,,',
      '9002,Bolt rollout,Qualified To Buy,8000,2026-04-15,2026-02-01 10:00,Luis Gil,Bolt,,Sales Pipeline,2026-02-01 10:00,2026-02-20 15:00,',
    );
    for (const expected of [
      { added: 0, updated: 1, unchanged: 2 },
      { added: 0, updated: 0, unchanged: 3 },
    ]) {
      const { deals } = await mapOf(later, p, { adjust });
      expect(await repo.importMapped(PIPELINE_ID, { deals })).to.deep.include(expected);
    }
    const bolt = (await repo.listDeals(PIPELINE_ID)).find((d) => d.sourceId === '9002')!;
    expect([bolt.stageId, bolt.stageEnteredAt]).to.deep.equal([
      'qualified',
      Date.parse('2026-02-20T15:00:00Z'),
    ]);
    const history = await repo.listEvents(PIPELINE_ID, { dealId: bolt.id });
    expect(history.map((e) => [e.kind, e.from, e.to, e.at])).to.deep.equal([
      ['created', null, 'lead', Date.parse('2026-02-01T10:00:00Z')],
      ['moved', 'lead', 'qualified', Date.parse('2026-02-20T15:00:00Z')],
    ]);
    // The other deals' history is as the first import wrote it (Core's: created, moved, lost).
    expect(await repo.listEvents(PIPELINE_ID)).to.have.length(2 + 2 + 3);
  });

  it('records a re-import’s stage after a move made in the app since the file’s last step', async () => {
    const repo = createMemoryRepository({ now: () => Date.parse('2026-06-01T00:00:00Z') });
    const p = await boardPipeline(repo);
    const file = (stage: string, previous: string, changed: string) =>
      [
        'ID;Título;Etapa;Etapa anterior;Fecha de cambio;Fecha de creación;Importe',
        `31;Reforma web;${stage};${previous};${changed};13/01/2026;4.500,00`,
      ].join('\r\n');
    await repo.importMapped(PIPELINE_ID, {
      deals: (await mapOf(file('Contacto', 'Contacto', '13/01/2026'), p, { lang: 'es' })).deals,
    });
    // In the app the deal went on to Negotiation on 1 April; the CRM's file says Proposal since
    // 14 February.
    const [deal] = await repo.listDeals(PIPELINE_ID);
    await repo.moveDeal(deal!.id, 'negotiation', {
      expectedVersion: deal!.version,
      at: Date.parse('2026-04-01T00:00:00Z'),
    });
    const { deals } = await mapOf(file('Propuesta', 'Contacto', '14/02/2026'), p, { lang: 'es' });
    await repo.importMapped(PIPELINE_ID, { deals });
    const [after] = await repo.listDeals(PIPELINE_ID);
    const history = await repo.listEvents(PIPELINE_ID, { dealId: after!.id });
    const latest = history.reduce((a, e) => (e.at >= a.at ? e : a));
    // The record and its latest event agree: the funnel and the board count it in one stage.
    expect(after!.stageId).to.equal('proposal');
    expect([latest.from, latest.to]).to.deep.equal(['negotiation', 'proposal']);
  });

  it('replays Pipedrive’s last stage change and an "Etapa anterior" / "Fecha de cambio" pair', async () => {
    const repo = createMemoryRepository({ now: () => Date.parse('2026-06-01T00:00:00Z') });
    const p = await boardPipeline(repo);
    const file = (stage: string, previous: string, changed: string) =>
      [
        'ID;Título;Etapa;Etapa anterior;Fecha de cambio;Fecha de creación;Importe',
        `31;Reforma web;${stage};${previous};${changed};13/01/2026;4.500,00`,
      ].join('\r\n');
    const first = await mapOf(file('Propuesta', 'Contacto', '14/02/2026'), p, { lang: 'es' });
    expect(first.deals).to.have.length(1);
    await repo.importMapped(PIPELINE_ID, { deals: first.deals });
    const again = file('Negociación', 'Propuesta', '20/03/2026');
    for (const unchanged of [0, 1]) {
      const { deals } = await mapOf(again, p, { lang: 'es' });
      expect(await repo.importMapped(PIPELINE_ID, { deals })).to.deep.include({ unchanged });
    }
    const [deal] = await repo.listDeals(PIPELINE_ID);
    const at = (d: string) => new Date(`2026-${d}T00:00:00`).getTime();
    expect(
      (await repo.listEvents(PIPELINE_ID)).map((e) => [e.kind, e.from, e.to, e.at]),
    ).to.deep.equal([
      ['created', null, 'lead', at('01-13')],
      ['moved', 'lead', 'proposal', at('02-14')],
      ['moved', 'proposal', 'negotiation', at('03-20')],
    ]);
    expect(deal!.stageEnteredAt).to.equal(at('03-20'));

    const pipedrive = (stage: string, changed: string) =>
      PIPEDRIVE_EN.split('\n')
        .slice(0, 2)
        .join('\n')
        .replace('Proposal Made', stage)
        .replace('2026-02-14 09:00:00', changed);
    const adjust = (plan: ImportPlan) => {
      plan.stages['Proposal Made'] = { kind: 'stage', stageId: 'proposal' };
      plan.stages['Negotiations Started'] = { kind: 'stage', stageId: 'negotiation' };
    };
    const other = createMemoryRepository({ now: () => Date.parse('2026-06-01T00:00:00Z') });
    const q = await boardPipeline(other, 'USD');
    for (const [stage, changed] of [
      ['Proposal Made', '2026-02-14 09:00:00'],
      ['Negotiations Started', '2026-04-02 16:00:00'],
      ['Negotiations Started', '2026-04-02 16:00:00'],
    ] as const) {
      const { deals } = await mapOf(pipedrive(stage, changed), q, { adjust });
      await other.importMapped(PIPELINE_ID, { deals });
    }
    const events = await other.listEvents(PIPELINE_ID);
    expect(events.map((e) => [e.kind, e.from, e.to, e.at])).to.deep.equal([
      ['created', null, 'proposal', Date.parse('2026-01-03T10:00:00Z')],
      ['moved', 'proposal', 'negotiation', Date.parse('2026-04-02T16:00:00Z')],
    ]);
  });

  it('keeps the goal and the plan through a JSON export and import', async () => {
    const repo = createMemoryRepository();
    await boardPipeline(repo);
    await repo.updatePipeline(PIPELINE_ID, { goal: { revenue: 120000.5 }, plan: 'scenario-7' });
    const file = JSON.parse(JSON.stringify(await repo.exportPipeline(PIPELINE_ID)));
    const other = createMemoryRepository();
    await other.importPipeline(file);
    const back = (await other.getPipeline(PIPELINE_ID))!;
    expect([back.goal, back.plan]).to.deep.equal([{ revenue: 120000.5 }, 'scenario-7']);
    // Replacing a stored pipeline takes the file's goal and plan too.
    await other.updatePipeline(PIPELINE_ID, { goal: null, plan: null });
    await other.importPipeline(file, { replace: true });
    const replaced = (await other.getPipeline(PIPELINE_ID))!;
    expect([replaced.goal, replaced.plan]).to.deep.equal([{ revenue: 120000.5 }, 'scenario-7']);
  });

  it('keeps source ids through a JSON export and import, exactly', async () => {
    const repo = createMemoryRepository();
    const p = await boardPipeline(repo);
    const { deals, plan, scan } = await mapOf(HUBSPOT_EN, p);
    const { newStages } = resolvePlan(plan, scan.headers, p, 'en');
    await repo.importMapped(PIPELINE_ID, { deals, newStages });
    const file = await repo.exportPipeline(PIPELINE_ID);
    const other = createMemoryRepository();
    await other.importPipeline(JSON.parse(JSON.stringify(file)));
    const back = await other.exportPipeline(PIPELINE_ID);
    expect({ ...back, exportedAt: 0 }).to.deep.equal({ ...file, exportedAt: 0 });
    expect(back.deals.map((d) => d.sourceId).sort()).to.deep.equal(['9001', '9002', '9003']);
  });
});
