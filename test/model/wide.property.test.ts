import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkScenario } from '../../src/model/validate-scenario.js';
import { checkWide, KEEP, SCENARIO_KEYS } from '../../src/model/wide.js';

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

/** The reader's verdict on the whole text, or `invalid` where `JSON.parse` refuses it. */
function whole(source: string) {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return 'invalid';
  }
  return checkScenario(value, { lang: 'en' });
}

describe('checkWide (properties)', () => {
  it('gives the verdict the whole text gets, or none', () => {
    let verdicts = 0;
    fc.assert(
      fc.property(text, (source) => {
        const wide = checkWide(source, 'en');
        if (wide === undefined) return;
        verdicts += 1;
        expect(wide).to.deep.equal(whole(source));
      }),
      { seed: 20261202, numRuns: 400 },
    );
    // Not vacuous: most texts of more than KEEP distinct keys get a verdict.
    expect(verdicts).to.be.above(80);
  });

  it('keeps every key the reader may look at, however late in the text it comes', () => {
    const unknown = Array.from({ length: 3 * KEEP }, (_, i) => `"dealVal${i}":${i}`);
    const source = `{${unknown.join(',')},"leads":"1.000","stages":[{"nmae":"A","rate":35}],"leads":-1}`;
    const wide = checkWide(source, 'en');
    expect(wide).to.not.equal(undefined);
    expect(wide).to.deep.equal(whole(source));
  });

  it('knows the keys checkScenario knows', () => {
    const checked = checkScenario({ zz: 1 });
    const known = checked.ok ? [] : checked.issues.map((i) => ('known' in i ? i.known : []));
    expect(known[0]).to.deep.equal(SCENARIO_KEYS);
  });

  it('leaves texts it does not expect to the whole parse', () => {
    const unknown = Array.from({ length: 2 * KEEP }, (_, i) => `"k${i}":${i}`).join(',');
    for (const odd of [
      `{${unknown},"a\\u0062":1}`, // an escape in a key
      `{${unknown},"12345678901":1}`, // an index only some engines sort
      `{${unknown},"x":{"a":},"x":2}`, // a broken nested value, overwritten
      `{${unknown},"x":1,}`, // broken
      `[${unknown}]`,
      `{${unknown}} x`,
    ]) {
      expect(checkWide(odd, 'en'), odd.slice(-20)).to.equal(undefined);
    }
    expect(checkWide(`{"leads":1}`, 'en')).to.equal(undefined);
  });
});
