import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  CHANGE_KEYS,
  DECK_KEYS,
  parseDeck,
  parseDeckText,
  STEP_KEYS,
} from '../../src/elements/sales-simulator/model/deck.js';
import { checkJsonText, READER_KEYS, slimJson } from '../../src/model/json-text.js';
import {
  MAX_ERRORS,
  MAX_JSON_LENGTH,
  parseJsonAttribute,
  parseJsonText,
  parseScenario,
  parseStageCounts,
} from '../../src/model/validate.js';
import {
  COUNT_KEYS,
  FORBIDDEN_KEYS,
  NAMES_KEYS,
  SURPLUS_KEY,
  validationWork,
} from '../../src/model/validate-core.js';
import { OBSERVED_KEYS, SCENARIO_KEYS, STAGE_KEYS } from '../../src/model/validate-scenario.js';

/**
 * json-text.ts: a long JSON text is scanned once and its wide objects reach the readers with
 * their surplus unknown keys counted, not built. What the readers say must be exactly what
 * they say of the whole text (compared on generated texts), and the work is counted.
 */

const VALID = { leads: 1000, dealValue: 2500, stages: [{ name: 'Contact', rate: 0.5 }] };

/** A JSON string literal of `key`, sometimes with every character written as a \u escape. */
const literal = (key: string, escaped: boolean) =>
  escaped
    ? `"${Array.from(key, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`
    : JSON.stringify(key);

/** Keys of every kind the scan tells apart, few enough to repeat. */
const key = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 400 }).map((i) => `dealVal${i}`) },
  { weight: 2, arbitrary: fc.constantFrom(...READER_KEYS) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 60 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('007', '', ' leads', 'Leads', '\u0000x', 'a"b', 'é') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

const leaf = fc.constantFrom('0.5', '1000', '-3', '"35 %"', 'null', 'true', '[]', '{}', '1e400');

/** A value: a good number, a bad one, text, an array, or an object (wide sometimes). */
const value: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: leaf },
  fc.array(leaf, { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
  fc.constant(null).chain(() => wideObject(leaf)),
);

/** An object's text of 0 to 300 members, keys repeated, escaped or not, spaced or not. */
function wideObject(values: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const member = fc
    .tuple(key, fc.boolean(), values, fc.constantFrom('', ' ', '\n '))
    .map(([k, escaped, v, space]) => `${space}${literal(k, escaped)}${space}:${space}${v}`);
  return fc
    .oneof(fc.array(member, { maxLength: 4 }), fc.array(member, { minLength: 90, maxLength: 300 }))
    .map((members) => `{${members.join(',')}}`);
}

/** A scenario's text with generated members among its own, wherever they fall. */
const scenarioText = fc
  .tuple(
    fc.array(fc.tuple(key, fc.boolean(), value), { maxLength: 300 }),
    fc.nat(),
    fc.constantFrom(
      '[{"name":"Contact","rate":0.5}]',
      '[{"name":"A","rate":0.5,"names":{"es":"a","en":"b"}}]',
    ),
  )
  .map(([members, at, stages]) => {
    const own = [`"leads":1000`, `"dealValue":2500`, `"stages":${stages}`];
    const all = members.map(([k, escaped, v]) => `${literal(k, escaped)}:${v}`);
    all.splice(at % (all.length + 1), 0, ...own);
    return `{${all.join(',')}}`;
  });

/** What a reader says of the value the text gives, or that it throws. */
function readOf(read: (value: unknown) => unknown, text: string) {
  return JSON.stringify(read(JSON.parse(text)));
}

/** The text as the readers get it from json-text.ts: slimmed when the scan finds wide objects. */
const slimmed = (text: string) => slimJson(text) ?? text;

describe('json-text: long JSON read for the readers', () => {
  it('keeps every key any reader knows', () => {
    const lists = [
      [...FORBIDDEN_KEYS],
      COUNT_KEYS,
      NAMES_KEYS,
      SCENARIO_KEYS,
      STAGE_KEYS,
      OBSERVED_KEYS,
      DECK_KEYS,
      STEP_KEYS,
      CHANGE_KEYS,
    ];
    for (const list of lists) expect(READER_KEYS).to.include.members([...list]);
  });

  it('the readers say the same of a slimmed text as of the whole one (generated scenarios)', () => {
    fc.assert(
      fc.property(scenarioText, (text) => {
        const read = (v: unknown) => parseScenario(v, { lang: 'es' });
        expect(readOf(read, slimmed(text))).to.equal(readOf(read, text));
      }),
      { seed: 1701, numRuns: 250 },
    );
  });

  it('…of stage counts, and of a deck whose steps are wide', () => {
    const counts = fc
      .array(wideObject(leaf), { minLength: 1, maxLength: 3 })
      .map(
        (items) =>
          `[${items.map((o) => o.replace('{', o === '{}' ? '{"name":"A","value":1' : '{"name":"A","value":1,')).join(',')}]`,
      );
    fc.assert(
      fc.property(counts, (text) => {
        const read = (v: unknown) => parseStageCounts(v, { lang: 'en' });
        expect(readOf(read, slimmed(text))).to.equal(readOf(read, text));
      }),
      { seed: 1702, numRuns: 100 },
    );
    const deck = fc
      .array(scenarioText, { minLength: 1, maxLength: 3 })
      .map(
        (steps) => `{"title":"D","steps":[${steps.map((s) => `{"title":"S","scenario":${s}}`)}]}`,
      );
    fc.assert(
      fc.property(deck, (text) => {
        const read = (v: unknown) => parseDeck(v, 'es');
        expect(readOf(read, slimmed(text))).to.equal(readOf(read, text));
      }),
      { seed: 1703, numRuns: 60 },
    );
  });

  it('vouches only for text the engine parses: anything else is parsed whole', () => {
    fc.assert(
      fc.property(
        scenarioText,
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', '\\', '\n', 'x', '01', '-', '\u0001'),
        (text, at, cut) => {
          const broken = text.slice(0, at % (text.length + 1)) + cut + text.slice(at % 7);
          const slim = slimJson(broken);
          let parses = true;
          try {
            JSON.parse(broken);
          } catch {
            parses = false;
          }
          if (!parses) expect(slim).to.equal(undefined);
        },
      ),
      { seed: 1704, numRuns: 400 },
    );
  });

  it('a text holding the surplus key itself is parsed whole', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `"k${i}":1`).join(',');
    expect(slimJson(`{${keys}}`)).to.be.a('string');
    expect(slimJson(`{${keys},${JSON.stringify(SURPLUS_KEY)}:1}`)).to.equal(undefined);
  });
});

describe('json-text: the work on the widest text the limits allow', () => {
  /** The scenario padded with unknown keys to just under 1 MB. */
  function megabyte(): string {
    const parts = [JSON.stringify(VALID).slice(0, -1)];
    let size = parts[0].length + 1;
    for (let i = 0; size < MAX_JSON_LENGTH - 40; i++) {
      const part = `,"dealVal${i}":${i}`;
      parts.push(part);
      size += part.length;
    }
    return `${parts.join('')}}`;
  }

  const work = () => ({ ...validationWork });
  const grown = (before: typeof validationWork) => ({
    scanned: validationWork.scannedChars - before.scannedChars,
    parsed: validationWork.jsonChars - before.jsonChars,
    keys: validationWork.keysChecked - before.keysChecked,
  });

  it('1 MB of unknown keys: scanned once, JSON.parse reads under 2 KB, errors unchanged', () => {
    const text = megabyte();
    const old = parseJsonAttribute(text, 'scenario');
    const expected = JSON.stringify(parseScenario(old.ok && old.value, { lang: 'es' }));
    const before = work();
    const json = parseJsonText(text, 'scenario');
    const result = parseScenario(json.ok && json.value, { lang: 'es' });
    const { scanned, parsed, keys } = grown(before);
    expect(JSON.stringify(result)).to.equal(expected);
    expect(scanned).to.equal(text.length);
    expect(parsed).to.be.below(2000);
    expect(keys).to.be.at.most(MAX_ERRORS + 3);
    expect(expected).to.contain('"count":48572');
  });

  it('a deck of 100 wide steps: scanned once, its errors unchanged', () => {
    const steps = Array.from({ length: 100 }, (_, i) => ({
      title: `S${i}`,
      scenario: {
        ...VALID,
        ...Object.fromEntries(Array.from({ length: 500 }, (_, k) => [`leadz${k}`, k])),
      },
    }));
    const text = JSON.stringify({ title: 'Deck', steps });
    const old = parseJsonAttribute(text, 'deck');
    const expected = JSON.stringify(parseDeck(old.ok && old.value, 'en'));
    const before = work();
    const result = parseDeckText(text, 'en');
    const { scanned, parsed } = grown(before);
    expect(JSON.stringify(result)).to.equal(expected);
    expect(scanned).to.equal(text.length);
    expect(parsed).to.be.below(text.length / 3);
  });

  it('short text is parsed whole, unscanned; a broken long text gets the engine’s position', () => {
    const before = work();
    const short = JSON.stringify(VALID);
    expect(checkJsonText(short, 'scenario')).to.deep.equal({ ok: true, value: VALID });
    expect(grown(before)).to.deep.include({ scanned: 0, parsed: short.length });
    const broken = `${megabyte().slice(0, -1)},}`;
    expect(parseJsonText(broken, 'scenario', { lang: 'es' })).to.deep.equal(
      parseJsonAttribute(broken, 'scenario', { lang: 'es' }),
    );
  });
});
