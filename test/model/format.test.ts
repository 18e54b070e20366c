import { expect } from '@open-wc/testing';
import {
  formatCompact,
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
  pickText,
  toLang,
} from '../../src/model/format.js';

/** Intl puts no-break spaces (U+00A0, U+202F) between number and unit; compare them as spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('format', () => {
  it('formats whole numbers with each language’s grouping', () => {
    expect(formatInteger(1234567, 'en')).to.equal('1,234,567');
    expect(formatInteger(1234567, 'es')).to.equal('1.234.567');
    // Spanish does not group four-digit numbers.
    expect(formatInteger(1234, 'es')).to.equal('1234');
    expect(formatInteger(2.6, 'en')).to.equal('3');
  });

  it('formats counts with one decimal by default', () => {
    expect(formatNumber(12.345, 'en')).to.equal('12.3');
    expect(formatNumber(12.345, 'es')).to.equal('12,3');
    expect(formatNumber(25.92, 'en', 2)).to.equal('25.92');
    expect(formatNumber(25, 'es')).to.equal('25');
  });

  it('formats compact labels', () => {
    expect(formatCompact(1234, 'en')).to.equal('1.2K');
    expect(plain(formatCompact(1234, 'es'))).to.equal('1,2 mil');
    expect(formatCompact(3_400_000, 'en')).to.equal('3.4M');
    expect(plain(formatCompact(3_400_000, 'es'))).to.equal('3,4 M');
    expect(formatCompact(7.25, 'en')).to.equal('7.3');
    expect(formatCompact(999, 'es')).to.equal('999');
  });

  it('formats money in the given currency', () => {
    expect(formatMoney(2500, 'en', 'EUR')).to.equal('€2,500');
    expect(plain(formatMoney(2500, 'es', 'EUR'))).to.equal('2500 €');
    expect(formatMoney(12.5, 'en', 'EUR')).to.equal('€12.50');
    // Whole amounts get no cents: an empty column totals €0, not €0.00.
    expect(formatMoney(0, 'en', 'EUR')).to.equal('€0');
    expect(formatMoney(40, 'en', 'EUR')).to.equal('€40');
    expect(plain(formatMoney(12.5, 'es', 'EUR'))).to.equal('12,50 €');
    expect(formatMoney(12000, 'en', 'USD')).to.equal('$12,000');
    expect(formatMoney(1_234_567, 'en', 'EUR', true)).to.equal('€1.2M');
    expect(plain(formatMoney(1_234_567, 'es', 'EUR', true))).to.equal('1,2 M €');
    // Compact only from 10,000 on: 9,999 stays exact.
    expect(formatMoney(9999, 'en', 'EUR', true)).to.equal('€9,999');
  });

  it('keeps the Spanish amount and its symbol together with a no-break space', () => {
    expect(formatMoney(2500, 'es', 'EUR')).to.match(/^2500[\u00a0\u202f]€$/);
  });

  it('formats shares as percentages, with more decimals for small ones', () => {
    expect(formatPercent(0.35, 'en')).to.equal('35%');
    expect(plain(formatPercent(0.35, 'es'))).to.equal('35 %');
    expect(formatPercent(0.0259, 'en')).to.equal('2.6%');
    expect(plain(formatPercent(0.0259, 'es'))).to.equal('2,6 %');
    expect(formatPercent(0.0035, 'en')).to.equal('0.35%');
    expect(formatPercent(0, 'en')).to.equal('0%');
    expect(formatPercent(1, 'en')).to.equal('100%');
    // Close to 1 as many digits as close to 0: 99.5 % is not 100 %.
    expect(formatPercent(0.995, 'en')).to.equal('99.5%');
    expect(formatPercent(0.9999, 'en')).to.equal('99.99%');
    expect(formatPercent(0.975, 'en')).to.equal('97.5%');
    expect(formatPercent(0.9, 'en')).to.equal('90%');
    expect(formatPercent(1.5, 'en')).to.equal('150%');
  });

  it('formats changes in percentage points with a sign', () => {
    expect(formatPoints(0.05, 'en')).to.equal('+5 pp');
    expect(formatPoints(0.05, 'es')).to.equal('+5 p. p.');
    expect(formatPoints(-0.025, 'en')).to.match(/^[-−]2\.5 pp$/);
    expect(formatPoints(-0.025, 'es')).to.match(/^[-−]2,5 p\. p\.$/);
    expect(formatPoints(0, 'en')).to.equal('0 pp');
  });

  it('never prints NaN or Infinity', () => {
    for (const lang of ['en', 'es'] as const) {
      expect(formatInteger(NaN, lang)).to.equal('–');
      expect(formatNumber(Infinity, lang)).to.equal('∞');
      expect(formatCompact(-Infinity, lang)).to.equal('−∞');
      expect(formatMoney(NaN, lang, 'EUR')).to.equal('–');
      expect(formatPercent(Infinity, lang)).to.equal('∞');
      expect(formatPoints(NaN, lang)).to.equal('–');
    }
  });

  it('picks text by language with fallbacks', () => {
    expect(pickText({ es: 'Cierre', en: 'Close' }, 'es')).to.equal('Cierre');
    expect(pickText({ en: 'Close' }, 'es')).to.equal('Close');
    expect(pickText({ es: 'Cierre' }, 'en')).to.equal('Cierre');
    expect(pickText(undefined, 'en', 'Stage')).to.equal('Stage');
  });

  it('maps language tags to a built-in language', () => {
    expect(toLang('es-MX')).to.equal('es');
    expect(toLang('ES')).to.equal('es');
    expect(toLang('en_GB')).to.equal('en');
    expect(toLang('fr')).to.equal('en');
    expect(toLang(5)).to.equal('en');
    expect(toLang({ toLowerCase: () => 'es' })).to.equal('en');
    expect(toLang(null)).to.equal('en');
  });
});
