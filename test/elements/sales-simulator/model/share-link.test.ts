import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  MAX_LINK_CHARS,
  decodeScenarioHash,
  decodeShareHash,
  encodeScenarioHash,
  encodeShareHash,
  hasScenarioHash,
} from '../../../../src/elements/sales-simulator/model/share-link.js';
import { parseDeck } from '../../../../src/elements/sales-simulator/model/deck.js';
import { getPreset } from '../../../../src/model/presets.js';
import { scenarioArb } from '../arbitraries.js';

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

  it('gives back the same scenario for any valid scenario (property)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom('en' as const, 'es' as const), (scenario, lang) => {
        const hash = encodeScenarioHash(scenario);
        expect(hash).to.match(/^#scenario=[A-Za-z0-9_-]+$/);
        expect(hash.length).to.be.below(MAX_LINK_CHARS);
        const back = decodeScenarioHash(hash, lang);
        expect(back.ok, JSON.stringify(!back.ok && back.errors)).to.equal(true);
        expect(back.ok && back.value).to.deep.equal(scenario);
      }),
      { numRuns: 300 },
    );
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

  it('rejects a damaged link, in the language asked for', () => {
    const result = decodeScenarioHash('#scenario=%%%not-base64', 'es');
    expect(result.ok).to.equal(false);
    expect(!result.ok && result.errors[0].message).to.equal('el enlace está dañado o incompleto.');
  });
});

describe('share link of a whole view', () => {
  const scenario = getPreset('pipeline-7')!.scenario;
  const view = {
    target: 40,
    targetKind: 'won' as const,
    targetStage: 2,
    deltaPoints: 3,
    leadsPercent: 15,
    costPerPoint: 250,
    selected: 4,
    revealed: 5,
    answer: true,
    audience: true,
  };

  it('keeps every setting, stage numbers counting from 1 in the link', () => {
    const hash = encodeShareHash({ scenario, view });
    expect(hash).to.contain('target=40');
    expect(hash).to.contain('stage=5');
    const back = decodeShareHash(hash, 'en');
    expect(back.ok && back.value).to.deep.equal({ scenario, view });
    // A plain scenario link still reads.
    expect(decodeShareHash(encodeScenarioHash(scenario), 'en')).to.deep.equal({
      ok: true,
      value: { scenario, view: {} },
    });
  });

  it('keeps a deck and its step', () => {
    const deck = parseDeck(
      {
        title: 'D',
        steps: [
          { title: 'A', scenario },
          { title: 'B', change: { leads: 5 } },
        ],
      },
      'en',
    );
    if (!deck.ok) throw new Error('deck');
    const back = decodeShareHash(encodeShareHash({ deck: deck.value, view: { step: 1 } }), 'es');
    expect(back.ok && back.value).to.deep.equal({ deck: deck.value, view: { step: 1 } });
  });

  it('refuses a setting out of its range, naming it, in es and en', () => {
    const hash = encodeScenarioHash(scenario);
    for (const [extra, field] of [
      ['&target=-1', 'link.target'],
      ['&delta=abc', 'link.delta'],
      ['&stage=0', 'link.stage'],
      ['&step=1.5', 'link.step'],
      ['&kind=profit', 'link.kind'],
    ]) {
      const en = decodeShareHash(hash + extra, 'en');
      expect(!en.ok && en.errors.map((e) => e.path)).to.deep.equal([field]);
      const es = decodeShareHash(hash + extra, 'es');
      expect(!es.ok && es.errors[0].message).to.match(
        new RegExp(`^${field.replace('.', '\\.')} debe`),
      );
    }
  });
});
