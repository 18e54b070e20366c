import { expect } from '@open-wc/testing';
import { THEMES, readChoice, readNumber } from '../../src/elements/attributes.js';
import { problemText } from '../../src/elements/option-texts.js';
import { formatNumber } from '../../src/model/format.js';

describe('attribute reading', () => {
  it('takes a listed choice, and treats an absent value as the default', () => {
    expect(readChoice('theme', 'dark', THEMES)).to.deep.equal({ value: 'dark' });
    for (const absent of [undefined, null, '']) {
      expect(readChoice('theme', absent, THEMES)).to.deep.equal({ value: undefined });
      expect(readChoice('tab', absent, ['board', 'funnel'], 'board')).to.deep.equal({
        value: 'board',
      });
    }
  });

  it('falls back on an unlisted choice and says why, in English and Spanish', () => {
    const read = readChoice('orientation', 'diagonal', ['vertical', 'horizontal'], 'vertical');
    expect(read.value).to.equal('vertical');
    expect(problemText(read.problem!, 'en', (v) => formatNumber(v, 'en', 2))).to.equal(
      'orientation must be one of vertical, horizontal, not “diagonal”; vertical is used.',
    );
    expect(problemText(read.problem!, 'es', (v) => formatNumber(v, 'es', 2))).to.equal(
      'orientation debe ser uno de estos valores: vertical, horizontal; no «diagonal». Se usa vertical.',
    );
    const theme = readChoice('theme', 'blue', THEMES);
    expect(theme.value).to.equal(undefined);
    expect(problemText(theme.problem!, 'en', (v) => formatNumber(v, 'en', 2))).to.equal(
      'theme must be one of light, dark, auto, not “blue”; the default is used.',
    );
  });

  it('takes a number in range, whole where asked', () => {
    const limits = { min: 100, max: 1e6, integer: true, fallback: 10_000 };
    expect(readNumber('trials', 2500, '2500', limits)).to.deep.equal({ value: 2500 });
    expect(readNumber('trials', undefined, null, limits)).to.deep.equal({ value: 10_000 });
    expect(readNumber('stale-days', 0.5, '0.5', { min: 0, max: 3650, fallback: 30 })).to.deep.equal(
      { value: 0.5 },
    );
  });

  it('quotes back what was written when it is no usable number', () => {
    const limits = { min: 100, max: 1e6, integer: true, fallback: 10_000 };
    const cases: [unknown, string | null, string][] = [
      [NaN, 'abc', 'abc'],
      [NaN, null, 'NaN'],
      [99, '99', '99'],
      [1.5e6, '1500000', '1500000'],
      [250.5, '250.5', '250.5'],
      [Infinity, 'Infinity', 'Infinity'],
      ['2500', '2500', '2500'],
    ];
    for (const [value, raw, shown] of cases) {
      const read = readNumber('trials', value, raw, limits);
      expect(read.value, String(value)).to.equal(10_000);
      expect(read.problem, String(value)).to.include({ kind: 'number', value: shown });
    }
    const problem = readNumber('trials', NaN, 'abc', limits).problem!;
    expect(problemText(problem, 'en', (v) => formatNumber(v, 'en', 2))).to.equal(
      'trials must be a whole number from 100 to 1,000,000, not “abc”; 10,000 is used.',
    );
    expect(problemText(problem, 'es', (v) => formatNumber(v, 'es', 2))).to.equal(
      'trials debe ser un número entero de 100 a 1.000.000, no «abc». Se usa 10.000.',
    );
  });
});
