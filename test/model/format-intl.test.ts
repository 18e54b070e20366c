import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  formatCompact,
  formatInteger,
  formatNumber,
  formatPercent,
} from '../../src/model/format.js';
import type { Lang } from '../../src/model/types.js';

// The labels' numbers are written without ICU in en and es (ICU's first formatter is ~17 ms of a
// page's first render); what a person reads must be exactly what Intl writes, character for
// character (no-break spaces included), for any number.
const intl = (lang: Lang, options: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(lang, options);
const langs = fc.constantFrom<Lang>('en', 'es');
/** Digits that round exactly on a half, and the edges where a rounding adds a digit. */
const ties = fc
  .tuple(fc.nat({ max: 2_000_000 }), fc.integer({ min: 0, max: 5 }))
  .map(([k, j]) => (k + 0.5) / 10 ** j);
const edges = fc.constantFrom(
  0,
  1,
  9.95,
  99.5,
  999.5,
  999.95,
  9999.5,
  99999.5,
  999949,
  999950,
  999999,
  1e6 - 0.01,
  0.0005,
  0.00095,
  0.9995,
  0.99995,
  1.15,
  1.005,
  2.675,
  1e15,
  123456789012345680000,
  5e-7,
  -0,
  -0.04,
  -1234.5,
);
const numbers = fc.oneof(
  fc.double({ min: 0, max: 1e22, noNaN: true }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.integer({ min: 0, max: 2_000_000_000 }),
  fc.nat().map((k) => k / 1000),
  fc.nat({ max: 100_000 }).map((k) => k / 100_000),
  ties,
  edges,
);
const runs = { numRuns: 3000 };

describe('numbers as Intl writes them (en, es)', () => {
  it('whole numbers and counts with up to three decimals', () => {
    fc.assert(
      fc.property(numbers, langs, fc.integer({ min: 0, max: 3 }), (n, lang, digits) => {
        expect(formatNumber(n, lang, digits)).to.equal(
          intl(lang, { maximumFractionDigits: digits }).format(n),
        );
        expect(formatInteger(n, lang)).to.equal(intl(lang, { maximumFractionDigits: 0 }).format(n));
      }),
      runs,
    );
  });

  it('compact labels from a thousand on', () => {
    const big = fc.oneof(
      fc.double({ min: 1000, max: 2e6, noNaN: true }),
      fc.integer({ min: 1000, max: 1_000_000 }),
      ties.filter((n) => n >= 1000),
      edges.filter((n) => n >= 1000),
    );
    fc.assert(
      fc.property(big, langs, (n, lang) => {
        expect(formatCompact(n, lang)).to.equal(
          intl(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(n),
        );
      }),
      runs,
    );
  });

  it('percentages, with the decimals a share gets', () => {
    const shares = fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), numbers);
    fc.assert(
      fc.property(shares, langs, (share, lang) => {
        const abs = Math.abs(share);
        const gap = abs < 1 ? Math.min(abs, 1 - abs) : abs;
        const digits = gap === 0 || gap >= 0.1 ? 0 : gap >= 0.01 ? 1 : gap >= 0.001 ? 2 : 3;
        expect(formatPercent(share, lang)).to.equal(
          intl(lang, { style: 'percent', maximumFractionDigits: digits }).format(share),
        );
      }),
      runs,
    );
  });
});
