import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkJsonAttribute, MAX_JSON_LENGTH as LIMIT } from '../../src/model/validate-core.js';
import { checkScenario, SCENARIO_KEYS } from '../../src/model/validate-scenario.js';
import { checkWide, KEEP, MAX_JSON_LENGTH } from '../../src/model/wide.js';

/**
 * The scan of a wide scenario text (wide.ts) against the whole text parsed and checked:
 * whenever the scan gives a verdict, it is the same, issue for issue and count for count, on
 * generated texts of 100 to 400 members (known, unknown, forbidden, index-like, escaped and
 * repeated keys; numbers, strings with escapes, literals, nested objects and arrays; JSON
 * whitespace), some of them broken a character at a time.
 */

const key = fc.oneof(
  { weight: 12, arbitrary: fc.nat({ max: 2000 }).map((i) => `"dealVal${i}"`) },
  { weight: 2, arbitrary: fc.constantFrom(...SCENARIO_KEYS.map((k) => `"${k}"`)) },
  fc.constantFrom('"__proto__"', '"constructor"', '"prototype"', '""', '"é ñ"', '"a b"'),
  fc.constantFrom('"0"', '"7"', '"12"', '"007"', '"999999999"', '"-1"', '"1.5"'),
);
/** Keys the scan leaves to the whole parse, or that break the text. */
const oddKey = fc.constantFrom(
  '"a\\u0062"',
  '"\\n"',
  '"le\\"ads"',
  '"\\ud800"',
  '"4294967295"',
  '"\\x"',
  '"a\tb"',
  'leads',
);

const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map(String) },
  fc.constantFrom('-0', '0.5', '1e5', '2E-3', '-1.25e+2', '0', '-0.0e-0'),
  fc.constantFrom('true', 'false', 'null'),
  fc.constantFrom('"x"', '"a\\"b"', '"\\u00e9\\n"', '"}"', '"\\\\"', '""', '"\\ud800"'),
  fc.constantFrom(
    '[{"name":"A","rate":0.5}]',
    '[{"name":"A","rate":0.5},{"name":"B","rate":{"won":3,"of":9}}]',
    '{"a":[1,{"b":"}]"}],"c":{}}',
    '[ ]',
    '{}',
    '[{"nmae":"A","rate":35}]',
  ),
  fc.constantFrom('1000', '2500', '"EUR"', '"eur"', '"XYZ"', '0.3', '35', '"Plan"', '-5'),
);
/** Values that are not JSON. */
const oddValue = fc.constantFrom(
  '01',
  '1.',
  '.5',
  '-',
  '1e',
  '+1',
  'tru',
  'nul',
  '"\\u12"',
  '"\t"',
  '{"a":}',
  '[1,,2]',
  '{"a":1',
  '[1]]',
  'NaN',
);

const space = fc.constantFrom('', '', '', '', ' ', '\n', '\t ', '\r\n');
const oddSpace = fc.constantFrom('\u00a0', '\f', '\v', '\ufeff');

const member = (k: fc.Arbitrary<string>, v: fc.Arbitrary<string>, w: fc.Arbitrary<string>) =>
  fc.tuple(w, k, w, v, w).map(([a, kk, b, vv, c]) => `${a}${kk}${b}:${vv}${c}`);

/**
 * A scenario's text of many members, now and then with an odd member (an escaped key, a value
 * that is not JSON, a space JSON does not allow) or one character changed or taken out.
 */
const text = fc
  .tuple(
    space,
    fc.array(member(key, value, space), { minLength: 120, maxLength: 400, size: 'max' }),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof(
          member(oddKey, value, space),
          member(key, oddValue, space),
          member(key, value, oddSpace),
        ),
      ),
      { maxLength: 2 },
    ),
    space,
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      fc.tuple(fc.nat(), fc.constantFrom('', ',', '}', '"', ':', '{', ' ', '1', 'x')),
    ),
  )
  .map(([a, members, odd, b, change]) => {
    for (const [at, m] of odd) members.splice(at % members.length, 0, m);
    const whole = `${a}{${members.join(',')}}${b}`;
    if (!change) return whole;
    const at = change[0] % whole.length;
    return whole.slice(0, at) + change[1] + whole.slice(at + 1);
  });

/** The funnel's verdict on the whole text (parsed, then checked): `undefined` when valid. */
function whole(source: string) {
  const json = checkJsonAttribute(source, '');
  if (!json.ok) return json;
  const checked = checkScenario(json.value, { lang: 'en' });
  return checked.ok ? undefined : checked;
}

/** `checkWide(source)`, and whether it parsed the whole text. */
function scanned(source: string) {
  const parse = JSON.parse;
  let whole = false;
  JSON.parse = (text: string) => {
    whole ||= text === source;
    return parse(text) as unknown;
  };
  try {
    return { verdict: checkWide(source, 'en'), whole };
  } finally {
    JSON.parse = parse;
  }
}

describe('checkWide (properties)', () => {
  it('gives the verdict the whole text gets', () => {
    let unbuilt = 0;
    fc.assert(
      fc.property(text, (source) => {
        // Not an object: left to the usual reading.
        if (!/^[ \t\n\r]*\{/.test(source)) return;
        const { verdict, whole: parsed } = scanned(source);
        if (!parsed) unbuilt += 1;
        expect(verdict).to.deep.equal(whole(source));
      }),
      { seed: 20261202, numRuns: 400 },
    );
    // Not vacuous: most texts of more than KEEP distinct keys are not parsed whole.
    expect(unbuilt).to.be.above(80);
  });

  it('keeps every key the reader may look at, however late in the text it comes', () => {
    const unknown = Array.from({ length: 3 * KEEP }, (_, i) => `"dealVal${i}":${i}`);
    const source = `{${unknown.join(',')},"leads":"1.000","stages":[{"nmae":"A","rate":35}],"leads":-1}`;
    const { verdict, whole: parsed } = scanned(source);
    expect(parsed).to.equal(false);
    expect(verdict).to.deep.equal(whole(source));
  });

  it('knows the keys checkScenario knows', () => {
    const checked = checkScenario({ zz: 1 });
    const known = checked.ok ? [] : checked.issues.map((i) => ('known' in i ? i.known : []));
    expect(known[0]).to.deep.equal(SCENARIO_KEYS);
  });

  it('reads texts it does not expect whole, once, with the same verdict', () => {
    const unknown = Array.from({ length: 2 * KEEP }, (_, i) => `"k${i}":${i}`).join(',');
    for (const odd of [
      `{${unknown},"a\\u0062":1}`, // an escape in a key
      `{${unknown},"12345678901":1}`, // an index only some engines sort
      `{${unknown},"x":{"a":},"x":2}`, // a broken nested value, overwritten
      `{${unknown},"x":1,}`, // broken
      `{${unknown}} x`,
      `{"leads":1}`,
    ]) {
      const { verdict, whole: parsed } = scanned(odd);
      expect(parsed, odd.slice(-20)).to.equal(true);
      expect(verdict, odd.slice(-20)).to.deep.equal(whole(odd));
    }
    // Not an object, or over the limit: left to the usual reading (stage counts, a refusal).
    expect(checkWide(`[${unknown}]`, 'en')).to.equal(undefined);
    expect(checkWide(`{${' '.repeat(MAX_JSON_LENGTH)}}`, 'en')).to.equal(undefined);
    expect(MAX_JSON_LENGTH).to.equal(LIMIT);
  });
});
