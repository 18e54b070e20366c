import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatPlain, readTypedNumber } from '../../src/model/number-input.js';
import { numberProblemText } from '../../src/model/number-messages.js';
import type { Lang } from '../../src/model/types.js';

const value = (text: string, lang: Lang, rules = {}) => {
  const read = readTypedNumber(text, lang, rules);
  return read.ok ? read.value : read.problem;
};

describe('readTypedNumber', () => {
  const read: [string, Lang, number][] = [
    ['12,5k', 'en', 12500],
    ['12,5k', 'es', 12500],
    ['12.5k', 'en', 12500],
    ['1.500,50', 'es', 1500.5],
    ['1,500.50', 'en', 1500.5],
    ['1.500,50 €', 'es', 1500.5],
    ['€12,500', 'en', 12500],
    ['€ 12,500.75', 'en', 12500.75],
    ['USD 1,200', 'en', 1200],
    ['1,5 M€', 'es', 1500000],
    ['1.5M', 'en', 1500000],
    ['30 mil', 'es', 30000],
    ['2,5 millones', 'es', 2500000],
    ['1.1k', 'en', 1100],
    ['  7 500  ', 'es', 7500],
    ['-€5', 'en', -5],
    ['€-5', 'en', -5],
    ['1.000.000', 'es', 1e6],
    ['0,500', 'es', 0.5],
  ];
  for (const [text, lang, n] of read) {
    it(`reads "${text}" (${lang}) as ${n}`, () => {
      expect(value(text, lang)).to.equal(n);
    });
  }

  it('keeps the sign or code written with the amount', () => {
    expect(readTypedNumber('1.500,50 €', 'es')).to.deep.equal({
      ok: true,
      value: 1500.5,
      currency: '€',
    });
    expect(readTypedNumber('USD 7', 'en')).to.deep.equal({ ok: true, value: 7, currency: 'USD' });
  });

  it('refuses a text with two readings, and says both', () => {
    expect(readTypedNumber('1.500', 'en')).to.deep.equal({
      ok: false,
      problem: 'ambiguous',
      readings: [1.5, 1500],
    });
    expect(readTypedNumber('1,500', 'es')).to.deep.equal({
      ok: false,
      problem: 'ambiguous',
      readings: [1.5, 1500],
    });
    expect(value('1.500k', 'en')).to.equal('ambiguous');
  });

  it("takes the one reading the field's range allows, and only then", () => {
    // A rate of 40.001 % in English: 40001 % is out of range, so the text means one number.
    expect(readTypedNumber('40.001', 'en', { min: 0, max: 100 })).to.deep.equal({
      ok: true,
      value: 40.001,
    });
    expect(readTypedNumber('1.500', 'en', { min: 100 })).to.deep.equal({ ok: true, value: 1500 });
    // Both in range, or both out of it: still two readings.
    expect(value('1.500', 'en')).to.equal('ambiguous');
    expect(readTypedNumber('1.500', 'en', { max: 1 })).to.include({ problem: 'ambiguous' });
    // Being whole does not decide: 1.5 leads is a mistake to point out, not a reading to drop.
    expect(readTypedNumber('1.500', 'en', { integer: true })).to.include({
      problem: 'ambiguous',
    });
  });

  const refused: [string, Lang][] = [
    ['12x', 'en'],
    ['5 mil', 'en'],
    ['1e5', 'en'],
    ['12 m', 'es'],
    ['k', 'en'],
    ['€', 'es'],
    ['1.000.5', 'es'],
    ['35 %', 'en'],
    ['EUR', 'en'],
  ];
  for (const [text, lang] of refused) {
    it(`refuses "${text}" (${lang}) as no number`, () => {
      expect(value(text, lang)).to.equal('not-a-number');
    });
  }

  it('applies the field’s rules: whole, bounds, percent, empty', () => {
    expect(value('1,5', 'en', { integer: true })).to.equal('not-whole');
    expect(value('1,5', 'es', { integer: true })).to.equal('not-whole');
    expect(value('-1', 'en', { min: 0 })).to.equal('too-small');
    expect(value('2M', 'en', { max: 1e6 })).to.equal('too-large');
    expect(value('35 %', 'es', { percent: true })).to.equal(35);
    expect(value('  ', 'es')).to.equal('empty');
  });

  it('says what is wrong and how to write it, in both languages', () => {
    const say = (text: string, lang: Lang, field: string, rules = {}) => {
      const r = readTypedNumber(text, lang, rules);
      if (r.ok) throw new Error(`${text} was read`);
      return numberProblemText(r, text, field, lang, rules);
    };
    expect(say('1,5', 'en', 'Leads', { integer: true })).to.equal(
      'Leads must be a whole number: “1,5” has decimals. Write it without them, such as 2.',
    );
    expect(say('1,5', 'es', 'Leads', { integer: true })).to.equal(
      'Leads debe ser un número entero: «1,5» tiene decimales. Escríbalo sin ellos, por ejemplo 2.',
    );
    expect(say('1.500', 'en', 'Amount')).to.equal(
      'Amount: “1.500” could mean 1.5 or 1,500. Write 1.5 for the first or 1500 for the second.',
    );
    expect(say('1,500', 'es', 'Importe')).to.equal(
      'Importe: «1,500» puede significar 1,5 o 1500. Escriba 1,5 para lo primero o 1500 para lo segundo.',
    );
    expect(say('12x', 'es', 'Importe')).to.equal(
      'Importe: «12x» no es un número. Escriba cifras con coma decimal, por ejemplo 12.500,50, o una abreviatura como 12,5 mil.',
    );
  });

  it('reads back every number it writes, in both languages', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.constantFrom<Lang>('en', 'es'),
        fc.integer({ min: 0, max: 2 }),
        (n, lang, digits) => {
          const text = formatPlain(n, lang, digits);
          const read = readTypedNumber(text, lang);
          expect(read.ok && read.value, text).to.equal(Number(text.replace(',', '.')) + 0);
        },
      ),
    );
  });

  it('reads money as Intl writes it in the language, sign and grouping included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom<Lang>('en', 'es'),
        fc.constantFrom('EUR', 'USD', 'GBP'),
        (whole, cents, lang, currency) => {
          // The double nearest the decimal written (4 + 0.94 is 4.9399999999999995).
          const n = (whole * 100 + cents) / 100;
          const text = new Intl.NumberFormat(lang, {
            style: 'currency',
            currency,
            useGrouping: 'always',
            minimumFractionDigits: 2,
          }).format(n);
          const read = readTypedNumber(text, lang);
          expect(read.ok && read.value, text).to.equal(n);
        },
      ),
    );
  });

  it('reads a shorthand as the exact number it stands for', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom<Lang>('en', 'es'),
        fc.constantFrom(['k', 1e3], ['M', 1e6]),
        (whole, tenth, lang, [suffix, times]) => {
          const sign = lang === 'en' ? '.' : ',';
          const text = `${whole}${tenth ? `${sign}${tenth}` : ''}${suffix as string}`;
          expect(value(text, lang), text).to.equal(((whole * 10 + tenth) * (times as number)) / 10);
        },
      ),
    );
  });
});
