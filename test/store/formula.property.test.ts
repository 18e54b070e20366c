import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseCsv, protectCell, unprotectCell } from '../../src/store/csv.js';
import { createMemoryRepository } from '../../src/store/memory-repository.js';
import { csvToDeals, dealsToCsv, importCsv, importPipelineJson } from '../../src/store/transfer.js';
import { boardPipeline, mapOf } from './import/fixtures.js';
import { ONE_STAGE, storedDeal } from './one-deal.js';

// Formula protection after what a spreadsheet skips: a CSV cell whose first visible character
// would start a formula is exported with a leading quote, whatever whitespace, line breaks or
// invisible characters come before it. Imports (CSV and pipeline JSON alike) store text as
// given; every export protects it, and an export read back gives the same text.

/** Characters a spreadsheet skips or shows as nothing, listed one by one (not as a class). */
const SKIPPED = [
  ' ',
  '\n',
  '\u000b',
  '\u000c',
  '\u00a0',
  '\u00ad',
  '\u1680',
  '\u2000',
  '\u2007',
  '\u200a',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u2028',
  '\u202a',
  '\u202e',
  '\u202f',
  '\u205f',
  '\u2060',
  '\u2066',
  '\u3000',
  '\u3164',
  '\ufeff',
  '\u0000',
  '\u001f',
];
const TRIGGERS = ['=', '+', '-', '@'];

const skipped = fc.array(fc.constantFrom(...SKIPPED), { maxLength: 6 }).map((a) => a.join(''));
const dangerous = fc
  .tuple(
    skipped,
    fc.oneof(fc.constantFrom(...TRIGGERS), fc.constantFrom('\t', '\r')),
    skipped,
    fc.string({ maxLength: 20 }),
  )
  .map(([a, trigger, b, rest]) =>
    ['\t', '\r'].includes(trigger) ? a + trigger + b + rest : a + trigger + rest,
  );
const anyText = fc.oneof(
  dangerous,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

/** A spreadsheet's reading: the first character it does not skip, and whether a tab / CR came first. */
function spreadsheetRuns(cell: string): boolean {
  let i = 0;
  while (i < cell.length && (SKIPPED.includes(cell[i]!) || cell[i] === '\t' || cell[i] === '\r')) {
    if (cell[i] === '\t' || cell[i] === '\r') return true;
    i += 1;
  }
  return TRIGGERS.includes(cell[i] ?? '');
}

const pipeline = ONE_STAGE;
const deal = (title: string, notes: string) => storedDeal({ title, notes });

describe('formula protection after what a spreadsheet skips', () => {
  it('protects every cell a spreadsheet would run, and gives the text back on reading', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const cell = protectCell(text);
        if (spreadsheetRuns(text)) expect(cell, JSON.stringify(text)).to.equal(`'${text}`);
        expect(spreadsheetRuns(cell)).to.equal(false);
        expect(unprotectCell(cell)).to.equal(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('the cases the fuzzing found: a space, a newline or a zero-width space before the formula', () => {
    for (const text of [
      ' =HYPERLINK("http://x")',
      '\n=1+1',
      '\u200b=1',
      '\u00a0\u2060@SUM(A1)',
      ' \t1',
    ]) {
      expect(protectCell(text)).to.equal(`'${text}`);
    }
    expect(protectCell('Acme - renewal')).to.equal('Acme - renewal');
    expect(protectCell(' Acme')).to.equal(' Acme');
  });

  it('a board exported to CSV has no cell a spreadsheet runs, and reads back to the same titles and notes', () => {
    fc.assert(
      fc.property(dangerous, anyText, (title, notes) => {
        // Titles are stored trimmed by the import, as the dialog stores them.
        const t = `x${title}`.trim() === '' ? 'x' : `x${title}`;
        const csv = dealsToCsv(pipeline, [deal(t, notes)]);
        const cells = parseCsv(csv).rows[1]!;
        for (const c of cells) expect(spreadsheetRuns(c), JSON.stringify(c)).to.equal(false);
        const notesCell = cells[10]!;
        expect(notesCell).to.equal(protectCell(notes));
        const { deals } = csvToDeals(parseCsv(csv), pipeline);
        if (notes.trim() === notes && notes !== '') expect(deals[0]!.notes).to.equal(notes);
      }),
      { numRuns: 300 },
    );
  });

  it('pipeline JSON and CSV imports store such text as given; the export protects it either way', async () => {
    const danger = '\u200b=HYPERLINK("http://evil.example","x")';
    const fromJson = createMemoryRepository();
    const file = {
      format: 'sales-funnel/pipeline',
      formatVersion: 1,
      exportedAt: 0,
      pipeline,
      deals: [deal('Acme', danger)],
      events: [],
    };
    await importPipelineJson(fromJson, JSON.stringify(file));
    const [stored] = await fromJson.listDeals('p');
    expect(stored!.notes).to.equal(danger);
    const exported = parseCsv(dealsToCsv(pipeline, [stored!])).rows[1]!;
    expect(exported[10]).to.equal(`'${danger}`);

    const fromCsv = createMemoryRepository();
    const board = await boardPipeline(fromCsv);
    const csv = `Title,Notes\nAcme,"${danger.replace(/"/g, '""')}"\n`;
    await importCsv(fromCsv, board.id, csv);
    expect((await fromCsv.listDeals(board.id))[0]!.notes).to.equal(danger);
    const mapped = await mapOf(csv, board);
    expect(mapped.deals[0]!.notes).to.equal(danger);
  });
});
