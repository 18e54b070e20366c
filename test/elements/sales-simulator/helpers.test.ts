import { expect } from '@open-wc/testing';
import { formatPlain, parseDecimal } from '../../../src/elements/sales-simulator/input-number.js';
import {
  MAX_LINK_CHARS,
  decodeScenarioHash,
  encodeScenarioHash,
  hasScenarioHash,
} from '../../../src/elements/sales-simulator/share-link.js';
import { layoutTornado } from '../../../src/elements/sales-simulator/tornado.js';
import { getPreset } from '../../../src/model/presets.js';

describe('parseDecimal / formatPlain', () => {
  const cases: [string, 'es' | 'en', number][] = [
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
  ];
  for (const [text, lang, value] of cases) {
    it(`reads "${text}" (${lang}) as ${value}`, () => {
      expect(parseDecimal(text, lang)).to.equal(value);
    });
  }
  for (const bad of ['', 'abc', '1e5', '12x', '1,', '.5', '--1', 'Infinity', '0x10']) {
    it(`refuses "${bad}"`, () => {
      expect(parseDecimal(bad, 'en')).to.be.NaN;
    });
  }
  it('writes without grouping, with the language decimal sign', () => {
    expect(formatPlain(12345.678, 'en')).to.equal('12345.68');
    expect(formatPlain(12345.678, 'es')).to.equal('12345,68');
    expect(parseDecimal(formatPlain(0.125, 'es', 3), 'es')).to.equal(0.125);
  });
});

describe('share link codec', () => {
  it('round-trips every preset, non-ASCII names included', () => {
    for (const id of ['pipeline-7', 'cycle-8', 'saas-b2b']) {
      const scenario = { ...getPreset(id)!.scenario, name: 'Año ñandú — 😀' };
      const hash = encodeScenarioHash(scenario);
      expect(hash).to.match(/^#scenario=[A-Za-z0-9_-]+$/);
      expect(hasScenarioHash(hash)).to.equal(true);
      const back = decodeScenarioHash(hash, 'en');
      expect(back.ok && back.value).to.deep.equal(scenario);
    }
  });

  it('refuses over-long, non-base64, non-UTF-8 and non-JSON links with a message', () => {
    const tooLong = `#scenario=${'A'.repeat(MAX_LINK_CHARS)}`;
    const notUtf8 = `#scenario=${btoa('\xff\xfe').replace(/=+$/, '')}`;
    const notJson = `#scenario=${btoa('{leads:1').replace(/=+$/, '')}`;
    for (const hash of [tooLong, '#scenario=a+b/c', notUtf8, notJson, '#other=1']) {
      const r = decodeScenarioHash(hash, 'en');
      expect(r.ok, hash.slice(0, 30)).to.equal(false);
      expect(!r.ok && r.errors[0].message.length).to.be.greaterThan(5);
    }
  });

  it('validates the decoded scenario and names the bad field', () => {
    const json = JSON.stringify({ leads: 100, dealValue: 5, stages: [{ name: 'A', rate: 35 }] });
    const hash = `#scenario=${btoa(json).replace(/=+$/, '')}`;
    const r = decodeScenarioHash(hash, 'en');
    expect(r.ok).to.equal(false);
    expect(!r.ok && r.errors.map((e) => e.path)).to.include('stages[0].rate');
  });
});

describe('layoutTornado', () => {
  it('puts zero in the middle and scales both sides to the widest change', () => {
    const layout = layoutTornado(
      [
        { label: 'A', down: -4, up: 4 },
        { label: 'B', down: -1, up: 2 },
      ],
      { width: 400, valueRoom: 50, labelHeight: 18, barHeight: 14 },
    );
    expect(layout.zero).to.equal(200);
    const [a, b] = layout.bars;
    expect(a.upWidth).to.equal(150);
    expect(a.downWidth).to.equal(150);
    expect(a.downX).to.equal(50);
    expect(b.upWidth).to.equal(75);
    expect(b.downWidth).to.equal(37.5);
    expect(b.y).to.equal(42);
    expect(b.barY).to.equal(60);
    expect(layout.height).to.equal(84);
  });

  it('draws nothing wide for rows without change', () => {
    const layout = layoutTornado([{ label: 'A', down: 0, up: 0 }], { width: 300 });
    expect(layout.bars[0].upWidth).to.equal(0);
    expect(layout.bars[0].downWidth).to.equal(0);
  });
});
