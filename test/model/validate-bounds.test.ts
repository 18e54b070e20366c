import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseDeckText } from '../../src/elements/sales-simulator/model/deck.js';
import {
  MAX_ERRORS,
  MAX_JSON_LENGTH,
  MAX_SUGGESTIONS,
  parseJsonAttribute,
  parseScenario,
  parseStageCounts,
} from '../../src/model/validate.js';
import { validationWork } from '../../src/model/validate-core.js';
import type { ParseResult } from '../../src/model/types.js';

/**
 * The worst inputs the documented limits allow (a 1 MB attribute, any property), each read with
 * bounded work: the keys looked at one by one and the did-you-mean searches are counted by the
 * readers (`validationWork`), so the bound is asserted on the work done, never on time. The
 * times are in bench/faults.
 */

const VALID = { leads: 1000, dealValue: 2500, stages: [{ name: 'Contact', rate: 0.5 }] };

/** Keys none of the readers knows, close enough to a known one that a search would run. */
const unknownKeys = (n: number, prefix = 'leadz') =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, i]));

/** The text of `value` padded with unknown keys up to just under the 1 MB limit. */
function attributeOfUnknownKeys(value: object): string {
  const base = JSON.stringify(value).slice(0, -1);
  const parts: string[] = [];
  let size = base.length + 1;
  for (let i = 0; size < MAX_JSON_LENGTH - 40; i++) {
    const part = `,"dealVal${i}":${i}`;
    parts.push(part);
    size += part.length;
  }
  return `${base}${parts.join('')}}`;
}

/** The work one parse does: the counters' growth while `run` runs. */
function workOf<T>(run: () => T): { result: T; keys: number; suggestions: number } {
  const [keys, suggestions] = [validationWork.keysChecked, validationWork.suggestions];
  const result = run();
  return {
    result,
    keys: validationWork.keysChecked - keys,
    suggestions: validationWork.suggestions - suggestions,
  };
}

function errorsOf<T>(result: ParseResult<T>) {
  if (result.ok) expect.fail('expected errors');
  return result.ok ? [] : result.errors;
}

/** The listed errors and the "N more" summary closing them. */
function expectCapped<T>(result: ParseResult<T>, more: number) {
  const errors = errorsOf(result);
  expect(errors).to.have.length(MAX_ERRORS + 1);
  expect(errors[MAX_ERRORS]).to.deep.include({ code: 'too-many-errors', params: { count: more } });
}

describe('validation work is bounded', () => {
  it('a 1 MB scenario attribute of unknown keys: 100 searches, the rest counted, not walked', () => {
    const text = attributeOfUnknownKeys(VALID);
    expect(text.length).to.be.within(MAX_JSON_LENGTH - 100, MAX_JSON_LENGTH);
    const json = parseJsonAttribute(text, 'scenario');
    if (!json.ok) expect.fail('the text is valid JSON');
    const keyCount = Object.keys(json.ok ? (json.value as object) : {}).length;
    const { result, keys, suggestions } = workOf(() => parseScenario(json.ok && json.value));
    expectCapped(result, keyCount - 3 - MAX_ERRORS);
    expect(suggestions).to.be.at.most(MAX_SUGGESTIONS);
    // The 100 reported, and the three known keys at most, before the list was full.
    expect(keys).to.be.at.most(MAX_ERRORS + 3);
    expect(keyCount).to.be.above(45_000);
  });

  it('a property of 200,000 unknown keys: the count is exact, the walk stops at the cap', () => {
    const input = { ...unknownKeys(200_000), ...VALID };
    const { result, keys, suggestions } = workOf(() => parseScenario(input, { lang: 'es' }));
    expectCapped(result, 200_000 - MAX_ERRORS);
    expect(errorsOf(result)[MAX_ERRORS].message).to.equal(
      'El valor: se encontraron 199900 problemas más que no se enumeran.',
    );
    expect(keys).to.be.at.most(MAX_ERRORS);
    expect(suggestions).to.be.at.most(MAX_SUGGESTIONS);
  });

  it('unknown keys in every stage, and known keys after the cap, are counted exactly', () => {
    const stages = Array.from({ length: 50 }, (_, i) => ({
      ...unknownKeys(300, 'nmae'),
      name: `S${i}`,
      rate: 0.5,
    }));
    const { result, keys, suggestions } = workOf(() => parseScenario({ ...VALID, stages }));
    expectCapped(result, 50 * 300 - MAX_ERRORS);
    expect(keys).to.be.at.most(MAX_ERRORS + 3);
    expect(suggestions).to.be.at.most(MAX_SUGGESTIONS);
  });

  it('long keys, deep nesting, huge arrays and long strings are read without walking them', () => {
    const longKey = 'k'.repeat(400_000);
    let deep: unknown = 0;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const cases: [string, () => ParseResult<unknown>, string][] = [
      ['long key', () => parseScenario({ ...VALID, [longKey]: 1 }), 'unknown-key'],
      ['deep nesting', () => parseScenario({ ...VALID, extra: deep }), 'unknown-key'],
      [
        'huge stage list',
        () =>
          parseScenario({ ...VALID, stages: new Array(1_000_000).fill({ name: 'A', rate: 1 }) }),
        'stages-too-many',
      ],
      [
        'huge counts',
        () => parseStageCounts(new Array(1_000_000).fill({ name: 'A', value: 1 })),
        'stages-too-many',
      ],
      ['long name', () => parseScenario({ ...VALID, name: 'n'.repeat(900_000) }), 'name-too-long'],
    ];
    for (const [label, run, code] of cases) {
      const { result, keys, suggestions } = workOf(run);
      const errors = errorsOf(result);
      expect(
        errors.map((e) => e.code),
        label,
      ).to.deep.equal([code]);
      expect(keys, label).to.be.at.most(10);
      expect(suggestions, label).to.be.at.most(1);
      expect(errors[0].message.length, label).to.be.below(300);
    }
  });

  it('a deck of 100 steps full of unknown keys: 100 errors listed, 100 searches in all', () => {
    const step = (i: number) => ({ title: `S${i}`, scenario: { ...VALID, ...unknownKeys(500) } });
    const text = JSON.stringify({
      title: 'Deck',
      steps: Array.from({ length: 100 }, (_, i) => step(i)),
    });
    expect(text.length).to.be.below(MAX_JSON_LENGTH);
    const { result, suggestions } = workOf(() => parseDeckText(text, 'en'));
    expectCapped(result, 100 * 500 - MAX_ERRORS);
    expect(suggestions).to.be.at.most(MAX_SUGGESTIONS);
  });

  it('whatever the unknown keys, the errors list at most 100 and count the rest exactly', () => {
    const key = fc.string({ minLength: 1, maxLength: 60 }).filter((k) => !(k in VALID));
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 400 }), (keys) => {
        const input = { ...VALID, ...Object.fromEntries(keys.map((k) => [k, 1])) };
        const { result, suggestions } = workOf(() => parseScenario(input));
        // Keys such as `__proto__` are refused as forbidden, every other one as unknown.
        const problems = keys.filter((k) => Object.prototype.hasOwnProperty.call(input, k)).length;
        expect(suggestions).to.be.at.most(MAX_SUGGESTIONS);
        if (problems === 0) {
          expect(result.ok).to.equal(true);
          return;
        }
        const errors = errorsOf(result);
        expect(errors).to.have.length(Math.min(problems, MAX_ERRORS + 1));
        if (problems > MAX_ERRORS) {
          expect(errors[MAX_ERRORS].params).to.deep.equal({ count: problems - MAX_ERRORS });
        }
      }),
      { seed: 1601, numRuns: 150 },
    );
  });
});

describe('JSON syntax errors are said in the element language', () => {
  it('gives the position, line and column in words, never the engine English message', () => {
    const es = errorsOf(parseJsonAttribute('{"leads": 10,\n  x: 1}', 'scenario', { lang: 'es' }));
    expect(es[0]).to.deep.include({ code: 'json-syntax' });
    expect(es[0].message).to.equal(
      'scenario no es un JSON válido (posición 16): el carácter "x" de la línea 2, columna 3, no se espera ahí; revise las comillas y las comas justo antes.',
    );
    // The engine's own text stays available to a developer, in params only.
    expect(String(es[0].params?.reason)).to.match(/\S/);
    const cut = errorsOf(parseJsonAttribute('[{"name": "A"', 'stages', { lang: 'en' }));
    expect(cut[0]).to.deep.include({ code: 'json-truncated' });
    expect(cut[0].message).to.equal(
      'stages is not valid JSON (position 13): the text ends at line 1, column 14 before it is complete; a closing quote, bracket or brace is missing.',
    );
  });

  it('no message of any broken JSON text repeats the engine English words', () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '}', '"', "'", 'x'),
        (json, at, cut) => {
          const text = json.slice(0, at % (json.length + 1)) + cut;
          const read = parseJsonAttribute(text, 'stages', { lang: 'es' });
          if (read.ok) return;
          const reason = String(read.errors[0].params?.reason ?? '');
          if (reason) expect(read.errors[0].message).not.to.contain(reason.slice(0, 12));
          expect(read.errors[0].message).not.to.match(/Unexpected|Expected|JSON\.parse|token/);
        },
      ),
      { seed: 1602, numRuns: 300 },
    );
  });
});
