import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatPlain, parseDecimal } from '../../src/model/number-input.js';
import type { Lang } from '../../src/model/types.js';

describe('parseDecimal / formatPlain', () => {
  const cases: [string, Lang, number][] = [
    ['1234.5', 'en', 1234.5],
    ['1234,5', 'en', 1234.5],
    ['1234,5', 'es', 1234.5],
    ['1,000', 'en', 1000],
    ['1.000', 'es', 1000],
    ['1.000', 'en', 1],
    ['1,234.5', 'en', 1234.5],
    ['1.234,5', 'es', 1234.5],
    ['1.000.000', 'es', 1e6],
    [' 35 % ', 'es', 35],
    ['-2', 'en', -2],
    // A decimal where a group cannot be: "1,5" in English, "0,500" anywhere.
    ['1,5', 'en', 1.5],
    ['0,500', 'en', 0.5],
    ['0.500', 'es', 0.5],
    // Thousands where the language writes them so: "1,500" in English, "1.500" in Spanish.
    ['1,500', 'en', 1500],
    ['1.500', 'es', 1500],
    ['1,500', 'es', 1.5],
    ['1.500', 'en', 1.5],
    ['1.234.567,89', 'es', 1234567.89],
    ['1,234,567', 'en', 1234567],
    ['1 234', 'en', 1234],
    ['1\u00a0234,5', 'es', 1234.5],
    ['1\u202f234.5', 'en', 1234.5],
    ['\u22122', 'es', -2],
    ['+7', 'en', 7],
    ['-0', 'en', 0],
    ['12 %', 'en', 12],
  ];
  for (const [text, lang, value] of cases) {
    it(`reads "${text}" (${lang}) as ${value}`, () => {
      expect(Object.is(parseDecimal(text, lang), value)).to.equal(true);
    });
  }
  const refused = [
    '',
    'abc',
    '1e5',
    '12x',
    '1,',
    '.5',
    '--1',
    'Infinity',
    '0x10',
    // Never guessed: a decimal sign twice, groups of the wrong size, a sign inside.
    '1.000.5',
    '1,2,3',
    '1,23.5',
    '1.234,5,6',
    '3%5',
    '%5',
    '1 2',
    '1 23,4',
    '12 34 5',
    '1 234,5.6',
    '0.000.001',
    '5-',
    '1,234.5.6',
  ];
  for (const bad of refused) {
    for (const lang of ['en', 'es'] as const) {
      it(`refuses "${bad}" (${lang})`, () => {
        expect(parseDecimal(bad, lang)).to.be.NaN;
      });
    }
  }
  it('writes without grouping, with the language decimal sign', () => {
    expect(formatPlain(12345.678, 'en')).to.equal('12345.68');
    expect(formatPlain(12345.678, 'es')).to.equal('12345,68');
    expect(parseDecimal(formatPlain(0.125, 'es', 3), 'es')).to.equal(0.125);
  });

  it('reads back every number it writes, in both languages', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e12, max: 1e12, noNaN: true }),
          fc.double({ min: -1, max: 1, noNaN: true }),
        ),
        fc.constantFrom<Lang>('en', 'es'),
        fc.integer({ min: 0, max: 3 }),
        (n, lang, digits) => {
          const text = formatPlain(n, lang, digits);
          const back = parseDecimal(text, lang);
          // What is read is what is shown: the number rounded to the digits written.
          expect(back, text).to.equal(Number(text.replace(',', '.')) + 0);
          expect(Math.abs(back - n)).to.be.at.most(0.5 * 10 ** -digits + 1e-9 * Math.abs(n));
        },
      ),
    );
  });

  it('reads what Intl writes with grouping, in the language it is written in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom<Lang>('en', 'es'),
        (whole, cents, lang) => {
          const n = whole + cents / 100;
          const text = new Intl.NumberFormat(lang, {
            useGrouping: 'always',
            minimumFractionDigits: 2,
          }).format(n);
          expect(parseDecimal(text, lang), text).to.be.closeTo(n, 1e-6);
        },
      ),
    );
  });
});
