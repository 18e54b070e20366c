import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/elements/sales-funnel/define.js';
import { MAX_JSON_LENGTH, parseJsonAttribute, parseScenario } from '../../../src/model/validate.js';
import { errorText, withError } from './helpers.js';

/**
 * A 1 MB `scenario` attribute of unknown keys (issue 16's worst case within the limits): the
 * funnel says what the whole text's parse says, without the engine building the 48,000-key
 * object: asserted on the work (the keys of the objects `JSON.parse` made), not on time.
 */

const VALID = { leads: 1000, dealValue: 2500, stages: [{ name: 'Contact', rate: 0.5 }] };

/** The scenario's text with 48,000 unknown keys after its own: just under the limit. */
function megabyte(): string {
  const unknown = Array.from({ length: 48_000 }, (_, i) => `,"dealVal${i}":${i}`).join('');
  const text = `${JSON.stringify(VALID).slice(0, -1)}${unknown}}`;
  expect(text.length).to.be.within(MAX_JSON_LENGTH * 0.9, MAX_JSON_LENGTH);
  return text;
}

/** Runs `run` with `JSON.parse` watched: the most keys any object it returned had. */
async function widestParsed<T>(run: () => Promise<T>): Promise<{ result: T; widest: number }> {
  let widest = 0;
  const parse = JSON.parse;
  const spy = sinon
    .stub(JSON, 'parse')
    .callsFake((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      const value: unknown = parse(text, reviver);
      if (value && typeof value === 'object') widest = Math.max(widest, Object.keys(value).length);
      return value;
    });
  try {
    return { result: await run(), widest };
  } finally {
    spy.restore();
  }
}

afterEach(() => {
  document.querySelectorAll('body > sales-funnel').forEach((e) => e.remove());
});

describe('<sales-funnel scenario> of 1 MB of unknown keys', () => {
  it('says what the whole parse says, and no object of thousands of keys is built', async () => {
    const text = megabyte();
    const json = parseJsonAttribute(text, 'scenario');
    const whole = parseScenario(json.ok ? json.value : undefined, { lang: 'es' });
    if (whole.ok) expect.fail('the scenario has unknown keys');
    const { result, widest } = await widestParsed(() =>
      withError((el) => {
        el.lang = 'es';
        el.setAttribute('scenario', text);
      }),
    );
    const { el, detail } = result;
    expect(detail.field).to.equal('scenario');
    const messages = whole.ok ? [] : whole.errors.map((e) => e.message);
    const keys = Object.keys(json.ok ? (json.value as object) : {}).length;
    expect(messages.at(-1)).to.contain(`${keys - 3 - 100} problemas más`);
    // The same 100 errors, each named by the attribute, and the same count of the rest.
    const shown = errorText(el);
    for (const m of [messages[0], messages[99]]) expect(shown).to.contain(`scenario.${m}`);
    expect(shown).to.contain(`scenario: se encontraron ${keys - 3 - 100} problemas más`);
    expect(widest).to.be.at.most(200);
  });
});
