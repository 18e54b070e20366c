import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Deal, DealOutcome, Lang, Pipeline } from '../../src/model/types.js';
import { parseCsv } from '../../src/store/csv.js';
import { createMemoryRepository } from '../../src/store/memory-repository.js';
import type { NewDeal } from '../../src/store/repository.js';
import { csvToDeals, dealsToCsv, importCsv } from '../../src/store/transfer.js';

// Seeded: a failure names its counterexample and reproduces on every run.
const SEED = 20240601;

const pipeline: Pipeline = {
  id: 'p',
  name: 'P',
  currency: 'EUR',
  stages: [
    { id: 'lead', name: 'Lead', names: { en: 'Lead', es: 'Contacto' } },
    { id: 'offer', name: 'Offer', names: { en: 'Offer', es: 'Oferta' } },
    { id: 'close', name: 'Close', names: { en: 'Close', es: 'Cierre' } },
  ],
  createdAt: 0,
  updatedAt: 0,
};

/** Pieces that break naive CSV: delimiters, quotes, line ends, formula starts, non-ASCII. */
const tricky = fc.constantFrom(
  '"',
  ',',
  ';',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  "'",
  '=',
  '+',
  '-',
  '@',
  'é',
  'ñ',
  '€',
  'ß',
  '中',
  '😀',
  '\u00a0',
  '1,5',
  '=SUM(A1)',
);
const piece = fc.oneof(
  tricky,
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }),
);

/**
 * Text as the store holds it: the import trims cells (spreadsheets pad them) and an empty
 * cell is no value, so stored text has no edge whitespace and is not empty.
 */
const text = fc
  .array(piece, { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join('').trim())
  .filter((s) => s !== '');
const optionalText = fc.option(text, { nil: undefined });

/** Amounts to four decimals (prices per unit have more than cents), up to a billion. */
const amount = fc.oneof(
  fc.integer({ min: 0, max: 1e9 }),
  fc.integer({ min: 0, max: 1e13 }).map((n) => n / 10_000),
  fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1000),
);
const day = fc
  .date({
    min: new Date(Date.UTC(1990, 0, 1)),
    max: new Date(Date.UTC(2099, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2099, 11, 31) });

const dealArb = fc
  .record({
    title: text,
    company: optionalText,
    contact: optionalText,
    owner: optionalText,
    notes: optionalText,
    lostReason: optionalText,
    amount,
    currency: fc.constantFrom('EUR', 'USD', 'MXN', 'GBP'),
    expectedClose: fc.option(day, { nil: undefined }),
    stageId: fc.constantFrom('lead', 'offer', 'close'),
    outcome: fc.constantFrom<DealOutcome>('open', 'won', 'lost'),
    createdAt: instant,
  })
  .map((f): Deal => {
    const deal: Deal = {
      id: 'x',
      pipelineId: 'p',
      ...f,
      updatedAt: f.createdAt,
      stageEnteredAt: f.createdAt,
      version: 1,
    };
    for (const k of Object.keys(deal) as (keyof Deal)[]) if (deal[k] === undefined) delete deal[k];
    if (deal.outcome !== 'lost') delete deal.lostReason;
    return deal;
  });

/** What an import of the exported row must give back: every field a person entered. */
function entered(d: Deal): NewDeal {
  const fields: NewDeal = { title: d.title };
  for (const k of [
    'company',
    'contact',
    'owner',
    'notes',
    'lostReason',
    'expectedClose',
  ] as const) {
    if (d[k] !== undefined) fields[k] = d[k];
  }
  return {
    ...fields,
    amount: d.amount,
    currency: d.currency,
    stageId: d.stageId,
    outcome: d.outcome,
    createdAt: d.createdAt,
  };
}

/** Same keys in the same canonical order, so deep equality ignores key order. */
const sorted = (o: object) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

describe('CSV export → import round trip (property)', () => {
  for (const lang of ['en', 'es'] as Lang[]) {
    it(`gives every field back, for any text, amount and date (${lang})`, () => {
      fc.assert(
        fc.property(fc.array(dealArb, { minLength: 1, maxLength: 8 }), (deals) => {
          const csv = dealsToCsv(pipeline, deals, { lang });
          const { deals: back, errors } = csvToDeals(parseCsv(csv), pipeline, { lang });
          expect(errors).to.deep.equal([]);
          expect(back.map(sorted)).to.deep.equal(deals.map(entered).map(sorted));
        }),
        { seed: SEED, numRuns: 300 },
      );
    });
  }

  it('never starts an exported cell with a formula character', () => {
    fc.assert(
      fc.property(dealArb, (deal) => {
        const rows = parseCsv(dealsToCsv(pipeline, [deal])).rows.slice(1);
        for (const cell of rows[0]!) expect(/^[=+\-@\t\r]/.test(cell), cell).to.equal(false);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('stores the same fields through importCsv into a repository', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(dealArb, { minLength: 1, maxLength: 5 }), async (deals) => {
        const repo = createMemoryRepository();
        await repo.createPipeline({ ...pipeline });
        const stored = await importCsv(repo, 'p', dealsToCsv(pipeline, deals, { lang: 'es' }), {
          lang: 'es',
        });
        const fields = (d: Deal) => sorted(entered(d));
        expect(stored.map(fields)).to.deep.equal(deals.map(fields));
        repo.close();
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
