import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  MAX_LINK_CHARS,
  decodeScenarioHash,
  encodeScenarioHash,
  hasScenarioHash,
} from '../../../../src/elements/sales-simulator/model/share-link.js';
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
