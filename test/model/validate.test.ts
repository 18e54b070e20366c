import { expect } from '@open-wc/testing';
import { ERROR_CODES, formatError, localizeErrors, MESSAGES } from '../../src/model/messages.js';
import { PRESETS } from '../../src/model/presets.js';
import { ScenarioError } from '../../src/model/scenario-error.js';
import type { ParseResult, ValidationError } from '../../src/model/types.js';
import {
  MAX_ERRORS,
  MAX_JSON_LENGTH,
  normalizeScenario,
  parseJsonAttribute,
  parseScenario,
  parseStageCounts,
  suggestKey,
} from '../../src/model/validate.js';

const base = () => ({
  leads: 1000,
  dealValue: 2500,
  stages: [
    { name: 'Contact', rate: 0.6 },
    { name: 'Offer', rate: 0.5 },
    { name: 'Close', rate: 0.4 },
  ],
});

function errorsOf<T>(result: ParseResult<T>): ValidationError[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

/** `path code` per error: the compact, exact picture of what was found. */
const summary = (result: ParseResult<unknown>) =>
  errorsOf(result).map((e) => `${e.path} ${e.code}`);

describe('parseScenario', () => {
  it('normalizes a valid scenario, filling defaults', () => {
    const result = parseScenario(base());
    expect(result).to.deep.equal({
      ok: true,
      value: { ...base(), wonStage: 2, currency: 'EUR' },
    });
  });

  it('keeps optional fields and trims names and currency', () => {
    const input = {
      name: '  Q3 plan ',
      leads: 0,
      dealValue: 0,
      currency: ' usd ',
      wonStage: 0,
      costPerLead: 12.5,
      spend: 0,
      margin: 1,
      repeatRate: 0,
      retention: 0.9,
      dealValueSd: 300,
      stages: [
        {
          name: ' Lead ',
          names: { es: 'Contacto ', en: 'Lead' },
          rate: 1,
          days: 2.5,
          benchmark: 0,
        },
        { name: 'After-sale', rate: 0 },
      ],
    };
    const result = parseScenario(input);
    expect(result).to.deep.equal({
      ok: true,
      value: {
        ...input,
        name: 'Q3 plan',
        currency: 'USD',
        stages: [
          { name: 'Lead', names: { es: 'Contacto', en: 'Lead' }, rate: 1, days: 2.5, benchmark: 0 },
          { name: 'After-sale', rate: 0 },
        ],
      },
    });
  });

  it('turns observed counts into a rate and keeps them', () => {
    const input = base();
    (input.stages[1] as unknown as { rate: unknown }).rate = { won: 12, of: 40 };
    (input.stages[2] as unknown as { rate: unknown }).rate = { won: 0, of: 0 };
    const result = parseScenario(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    // The rate is the posterior mean (won + 1) / (of + 2), the mean Monte Carlo draws around.
    expect(result.value.stages[1]).to.deep.equal({
      name: 'Offer',
      rate: 13 / 42,
      observed: { won: 12, of: 40 },
    });
    expect(result.value.stages[2].rate).to.equal(0.5);
    // The normalized form (rate + observed) parses to itself.
    expect(parseScenario(result.value)).to.deep.equal(result);
  });

  it('accepts won / of next to observed counts, as older versions saved it', () => {
    const input = base();
    Object.assign(input.stages[1], { rate: 0.3, observed: { won: 12, of: 40 } });
    Object.assign(input.stages[2], { rate: 0, observed: { won: 0, of: 0 } });
    const result = parseScenario(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.stages.map((st) => st.rate)).to.deep.equal([0.6, 13 / 42, 0.5]);
    Object.assign(input.stages[1], { rate: 0.31 });
    expect(summary(parseScenario(input))).to.deep.equal(['stages[1].rate observed-mismatch']);
  });

  it('takes a stage name from names when name is missing', () => {
    const input = { ...base(), stages: [{ names: { es: 'Cierre', en: 'Close' }, rate: 0.5 }] };
    const es = parseScenario(input, { lang: 'es' });
    const en = parseScenario(input, { lang: 'en' });
    expect(es.ok && es.value.stages[0].name).to.equal('Cierre');
    expect(en.ok && en.value.stages[0].name).to.equal('Close');
  });

  it('words a percentage written as a rate the way the issue asks', () => {
    const input = base();
    input.stages[2].rate = 35;
    const errors = errorsOf(parseScenario(input));
    expect(errors).to.deep.equal([
      {
        path: 'stages[2].rate',
        code: 'rate-percent',
        params: { value: 35, share: 0.35 },
        message: 'stages[2].rate must be between 0 and 1; 35 % is written 0.35.',
      },
    ]);
    const es = errorsOf(parseScenario(input, { lang: 'es' }));
    expect(es[0].message).to.equal('stages[2].rate debe estar entre 0 y 1; 35 % se escribe 0.35.');
  });

  it('guesses no number for thousands separators or out-of-range percentages', () => {
    const grouped = errorsOf(parseScenario({ ...base(), leads: '1,000', dealValue: '2.500' }));
    expect(grouped.map((e) => e.message)).to.deep.equal([
      'leads must be a number written without quotes or thousands separators, not "1,000".',
      'dealValue must be a number written without quotes or thousands separators, not "2.500".',
    ]);
    const es = errorsOf(parseScenario({ ...base(), leads: '1,000' }, { lang: 'es' }));
    expect(es[0].message).to.equal(
      'leads debe ser un número escrito sin comillas ni separadores de miles, no "1,000".',
    );
    const input = base();
    (input.stages[0] as { rate: unknown }).rate = '150 %';
    (input.stages[1] as { rate: unknown }).rate = '-20%';
    (input.stages[2] as { rate: unknown }).rate = 1.5;
    expect(errorsOf(parseScenario(input)).map((e) => e.message)).to.deep.equal([
      'stages[0].rate must be between 0 and 1 (a share: 0.35 means 35 %), not "150 %".',
      'stages[1].rate must be between 0 and 1 (a share: 0.35 means 35 %), not "-20%".',
      'stages[2].rate must be between 0 and 1 (a share: 0.35 means 35 %), not 1.5.',
    ]);
  });

  it('refuses control characters in names, in both languages', () => {
    const input = { ...base(), name: 'Q1\nplan' };
    input.stages[1] = { name: 'Of\u0000fer', rate: 0.5 };
    input.stages[2] = { name: 'Close\u007f', rate: 0.4 };
    const errors = errorsOf(parseScenario(input));
    expect(summary(parseScenario(input))).to.deep.equal([
      'name name-control',
      'stages[1].name name-control',
      'stages[2].name name-control',
    ]);
    expect(errors[0].message).to.equal(
      'name contains a control character (U+000A, such as a line break or a tab); a name must be plain text on one line.',
    );
    expect(errors[2].params).to.deep.equal({ char: 'U+007F' });
    expect(errorsOf(parseScenario(input, { lang: 'es' }))[0].message).to.equal(
      'name contiene un carácter de control (U+000A, como un salto de línea o un tabulador); un nombre debe ser texto simple en una sola línea.',
    );
    // Surrounding whitespace (a trailing line break, a tab) is trimmed, not refused.
    expect(parseScenario({ ...base(), name: '\tQ1 plan\n' }).ok).to.equal(true);
  });

  it('never throws on a language that is not text', () => {
    for (const lang of [5, null, ['es'], {}]) {
      const r = parseScenario({ leads: -1 }, { lang } as unknown as { lang: 'en' });
      expect(errorsOf(r)[0].message).to.equal('leads cannot be negative (-1).');
    }
  });

  it('says why a forbidden key is refused', () => {
    const errors = errorsOf(parseScenario(JSON.parse('{"__proto__": {}}') as unknown));
    expect(errors[0].message).to.equal(
      "The value contains the key '__proto__', which is refused for safety: it could alter the prototype of every object.",
    );
  });

  it('rejects every kind of bad number', () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ leads: NaN }, ['leads not-finite']],
      [{ leads: Infinity }, ['leads not-finite']],
      [{ dealValue: -Infinity }, ['dealValue not-finite']],
      [{ leads: -1 }, ['leads negative']],
      [{ leads: 10.5 }, ['leads not-integer']],
      [{ leads: 1e12 + 1 }, ['leads too-large']],
      [{ leads: '1200' }, ['leads number-text']],
      [{ leads: '35%' }, ['leads not-number']],
      [{ leads: 'many' }, ['leads not-number']],
      [{ leads: null }, ['leads not-number']],
      [{ leads: true }, ['leads not-number']],
      [{ leads: [1] }, ['leads not-number']],
      [{ dealValue: -5 }, ['dealValue negative']],
      [{ dealValue: 1e16 }, ['dealValue too-large']],
      [
        { costPerLead: -1, spend: -1, dealValueSd: -1 },
        ['costPerLead negative', 'spend negative', 'dealValueSd negative'],
      ],
      // 1 < x ≤ 2 is more likely a slip than a percentage: no "1.5 % is written 0.015" guess.
      [{ margin: 1.5 }, ['margin rate-range']],
      [{ margin: 2.5 }, ['margin rate-percent']],
      [{ margin: 100 }, ['margin rate-percent']],
      [{ margin: 250 }, ['margin rate-range']],
      [{ retention: -0.1 }, ['retention rate-range']],
      [{ repeatRate: 1 }, ['repeatRate repeat-range']],
      [{ repeatRate: 30 }, ['repeatRate rate-percent']],
      [{ repeatRate: '30 %' }, ['repeatRate percent-text']],
      [{ repeatRate: '100 %' }, ['repeatRate repeat-range']],
      [{ margin: '150 %' }, ['margin rate-range']],
      [{ margin: '-20%' }, ['margin rate-range']],
      [{ leads: '1,000' }, ['leads number-text-grouped']],
      [{ dealValue: '2.500' }, ['dealValue number-text-grouped']],
      [{ dealValue: '1.234.567,5' }, ['dealValue number-text-grouped']],
      [{ dealValue: '0.500' }, ['dealValue number-text']],
      [{ wonStage: 3 }, ['wonStage won-stage-range']],
      [{ wonStage: -1 }, ['wonStage won-stage-range']],
      [{ wonStage: 1.5 }, ['wonStage won-stage-range']],
      [{ currency: 'euro' }, ['currency currency-invalid']],
      [{ currency: 'ZZZ' }, ['currency currency-invalid']],
      [{ currency: 978 }, ['currency not-string']],
      [{ name: '' }, ['name name-empty']],
      [{ name: 'x'.repeat(81) }, ['name name-too-long']],
      [{ stages: [] }, ['stages stages-empty']],
      [
        { stages: Array.from({ length: 51 }, () => ({ name: 'S', rate: 0.5 })) },
        ['stages stages-too-many'],
      ],
      [{ stages: {} }, ['stages not-array']],
      [{ stages: [null, 'Close'] }, ['stages[0] not-object', 'stages[1] not-object']],
    ];
    for (const [patch, expected] of cases) {
      expect(summary(parseScenario({ ...base(), ...patch })), JSON.stringify(patch)).to.deep.equal(
        expected,
      );
    }
  });

  it('accepts the edges of every range', () => {
    const edges = { leads: 1e12, margin: 0, retention: 1, repeatRate: 0.999, wonStage: 0 };
    expect(parseScenario({ ...base(), ...edges }).ok).to.equal(true);
    expect(
      parseScenario({
        ...base(),
        stages: Array.from({ length: 50 }, () => ({ name: 'S', rate: 1 })),
      }).ok,
    ).to.equal(true);
    expect(parseScenario({ ...base(), name: 'é'.repeat(80) }).ok).to.equal(true);
    const allWon = parseScenario({ ...base(), stages: [{ name: 'A', rate: { won: 3, of: 3 } }] });
    expect(allWon.ok && allWon.value.stages[0].rate).to.equal(4 / 5);
    // 80 characters, 160 UTF-16 code units: length counts what a person sees.
    expect(parseScenario({ ...base(), name: '😀'.repeat(80) }).ok).to.equal(true);
  });

  it('rejects bad stages, naming each field', () => {
    const input = {
      ...base(),
      stages: [
        { name: '  ', rate: -0.1 },
        { name: 42, rate: '0.5', days: -3 },
        { rate: 1.5, benchmark: 2 },
        { name: 'Won', rate: { won: 4, of: 3 } },
        { name: 'Won', rate: { won: 1.5, of: '4' } },
        { name: 'Won', rate: 0.5, observed: { won: 1, of: 4 } },
        { name: 'Won', rate: { won: 1 } },
        { name: 'X', names: { es: '', fr: 'Y' }, rate: 0.1 },
      ],
    };
    expect(summary(parseScenario(input))).to.deep.equal([
      'stages[0].name name-empty',
      'stages[0].rate rate-range',
      'stages[1].name not-string',
      'stages[1].rate number-text',
      'stages[1].days negative',
      'stages[2].name required',
      'stages[2].rate rate-range',
      'stages[2].benchmark rate-range',
      'stages[3].rate observed-order',
      'stages[4].rate.won not-integer',
      'stages[4].rate.of number-text',
      'stages[5].rate observed-mismatch',
      'stages[6].rate.of required',
      'stages[7].names.fr unknown-key',
      'stages[7].names.es name-empty',
    ]);
  });

  it('reports missing fields and every error at once', () => {
    expect(summary(parseScenario({}))).to.deep.equal([
      'leads required',
      'dealValue required',
      'stages required',
    ]);
  });

  it('names unknown keys and suggests the one meant', () => {
    const errors = errorsOf(
      parseScenario({
        ...base(),
        lead: 5,
        deal_value: 1,
        stages: [{ nmae: 'A', rate: 0.5 }],
        zzz: 1,
      }),
    );
    expect(errors.map((e) => [e.path, e.code, e.params?.suggestion])).to.deep.equal([
      ['lead', 'unknown-key-suggest', 'leads'],
      ['deal_value', 'unknown-key-suggest', 'dealValue'],
      ['zzz', 'unknown-key', undefined],
      ['stages[0].nmae', 'unknown-key-suggest', 'name'],
      ['stages[0].name', 'required', undefined],
    ]);
    expect(errors[0].message).to.equal("lead is not a known field; did you mean 'leads'?");
    expect(suggestKey('Leads', ['leads'])).to.equal('leads');
    expect(suggestKey('count', ['name', 'value'])).to.equal('value');
    expect(suggestKey('x', ['name', 'value'])).to.equal(undefined);
  });

  it('quotes odd keys safely in paths', () => {
    const errors = errorsOf(parseScenario({ ...base(), 'my key': 1, ['k'.repeat(500)]: 1 }));
    expect(errors[0].path).to.equal('["my key"]');
    expect(errors[1].path.length).to.be.below(60);
  });

  it('refuses __proto__, constructor and prototype keys anywhere, and pollutes nothing', () => {
    const text = JSON.stringify(base())
      .replace('{"leads"', '{"__proto__":{"polluted":"yes"},"leads"')
      .replace('{"name":"Contact"', '{"constructor":{"polluted":"yes"},"name":"Contact"')
      .replace('{"name":"Close"', '{"name":"Close","prototype":1');
    const input: unknown = JSON.parse(text);
    expect(summary(parseScenario(input))).to.deep.equal([
      ' forbidden-key',
      'stages[0] forbidden-key',
      'stages[2] forbidden-key',
    ]);
    const counts: unknown = JSON.parse('[{"name":"A","value":1,"__proto__":{"polluted":"yes"}}]');
    expect(summary(parseStageCounts(counts))).to.deep.equal(['[0] forbidden-key']);
    const names: unknown = JSON.parse(
      '{"leads":1,"dealValue":1,"stages":[{"name":"A","rate":{"won":1,"of":2,"__proto__":{"polluted":"yes"}},"names":{"__proto__":{"polluted":"yes"}}}]}',
    );
    expect(summary(parseScenario(names))).to.deep.equal([
      'stages[0].names forbidden-key',
      'stages[0].rate forbidden-key',
    ]);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).to.equal(false);
  });

  it('builds fresh plain objects, sharing nothing with the input', () => {
    const input = {
      ...base(),
      stages: [{ name: 'A', names: { en: 'A' }, rate: { won: 1, of: 2 } }],
    };
    const result = parseScenario(input);
    if (!result.ok) throw new Error('expected ok');
    const out = result.value;
    expect(out).not.to.equal(input);
    expect(out.stages).not.to.equal(input.stages);
    expect(out.stages[0]).not.to.equal(input.stages[0]);
    expect(out.stages[0].names).not.to.equal(input.stages[0].names);
    expect(out.stages[0].observed).not.to.equal(input.stages[0].rate);
    for (const o of [out, out.stages[0], out.stages[0].names, out.stages[0].observed]) {
      expect(Object.getPrototypeOf(o)).to.equal(Object.prototype);
    }
  });

  it('accepts null-prototype objects and refuses class instances', () => {
    const bare = Object.assign(Object.create(null) as object, base());
    expect(parseScenario(bare).ok).to.equal(true);
    expect(summary(parseScenario(new Date()))).to.deep.equal([' not-object']);
    expect(summary(parseScenario(new Map()))).to.deep.equal([' not-object']);
  });

  it('never throws on JSON values of any shape', () => {
    const odd: unknown[] = [
      null,
      true,
      0,
      -0,
      '',
      'x'.repeat(1_000_000),
      [],
      [[[[[]]]]],
      { stages: [[]] },
      { leads: { leads: { leads: 1 } } },
      JSON.parse('['.repeat(5000) + ']'.repeat(5000)),
      { ...base(), name: ' '.repeat(1_000_000) },
      { ...base(), stages: new Array(1_000_000) },
    ];
    for (const value of odd) {
      const result = parseScenario(value);
      expect(result.ok).to.equal(false);
      expect(errorsOf(result).length).to.be.greaterThan(0);
    }
  });

  it('turns unreadable JavaScript values into an error instead of throwing', () => {
    const trap = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    expect(summary(parseScenario(trap))).to.deep.equal([' unreadable']);
    expect(summary(parseScenario(undefined))).to.deep.equal([' not-object']);
    expect(summary(parseScenario(() => 1))).to.deep.equal([' not-object']);
    expect(summary(parseScenario({ ...base(), leads: 10n }))).to.deep.equal(['leads not-number']);
    expect(summary(parseScenario({ ...base(), leads: Symbol('x') }))).to.deep.equal([
      'leads not-number',
    ]);
  });

  it('lists at most MAX_ERRORS errors, then counts the rest', () => {
    const input: Record<string, unknown> = base();
    for (let i = 0; i < 250; i++) input[`extra${i}`] = i;
    const errors = errorsOf(parseScenario(input));
    expect(errors).to.have.length(MAX_ERRORS + 1);
    expect(errors[MAX_ERRORS]).to.deep.include({ code: 'too-many-errors', params: { count: 150 } });
    expect(errors[MAX_ERRORS].message).to.equal(
      'The value: 150 more problems were found but not listed.',
    );
  });
});

describe('normalizeScenario', () => {
  it('returns parseScenario’s value: defaults filled in, a fresh object', () => {
    const input = base();
    const out = normalizeScenario(input);
    expect(out).to.deep.equal({ ...base(), wonStage: 2, currency: 'EUR' });
    expect(out).not.to.equal(input);
    expect(out.stages[0]).not.to.equal(input.stages[0]);
    // A normalized scenario comes back equal.
    expect(normalizeScenario(out)).to.deep.equal(out);
  });

  it('throws a ScenarioError carrying exactly parseScenario’s errors, in the language asked', () => {
    const input = { ...base(), leads: -3, currency: 'euro' };
    for (const lang of ['en', 'es'] as const) {
      let error: unknown;
      try {
        normalizeScenario(input, { lang });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(ScenarioError);
      expect((error as ScenarioError).errors).to.deep.equal(
        errorsOf(parseScenario(input, { lang })),
      );
      expect((error as ScenarioError).field).to.equal('scenario');
    }
    expect(() => normalizeScenario(input, { field: 'benchmark' }))
      .to.throw(ScenarioError, 'Invalid benchmark: leads cannot be negative (-3).')
      .with.property('field', 'benchmark');
  });
});

describe('parseStageCounts', () => {
  it('accepts counts, unknown values and bilingual names', () => {
    const input = [
      { name: 'Leads', value: 1200 },
      { name: ' Won ', names: { es: 'Ganadas' }, value: null },
      { name: 'Expected', value: 12.5 },
    ];
    expect(parseStageCounts(input)).to.deep.equal({
      ok: true,
      value: [
        { name: 'Leads', value: 1200 },
        { name: 'Won', names: { es: 'Ganadas' }, value: null },
        { name: 'Expected', value: 12.5 },
      ],
    });
  });

  it('rejects bad lists and entries, naming each', () => {
    expect(summary(parseStageCounts({}))).to.deep.equal([' not-array']);
    expect(summary(parseStageCounts([]))).to.deep.equal([' stages-empty']);
    expect(
      summary(parseStageCounts(Array.from({ length: 51 }, () => ({ name: 'a', value: 1 })))),
    ).to.deep.equal([' stages-too-many']);
    expect(
      summary(
        parseStageCounts([
          { name: 'A' },
          { name: 'B', value: -1 },
          { name: 'C', value: '12' },
          { name: 'D', value: NaN },
          { value: 3 },
          { name: 'F', value: 1, count: 2 },
          7,
        ]),
      ),
    ).to.deep.equal([
      '[0].value required',
      '[1].value negative',
      '[2].value number-text',
      '[3].value not-finite',
      '[4].name required',
      '[5].count unknown-key-suggest',
      '[6] not-object',
    ]);
  });
});

describe('parseJsonAttribute', () => {
  it('parses JSON text', () => {
    expect(parseJsonAttribute(' [1, {"a": null}] ', 'stages')).to.deep.equal({
      ok: true,
      value: [1, { a: null }],
    });
  });

  it('names the field and the position of a syntax error, in either language', () => {
    const en = errorsOf(parseJsonAttribute('{"leads": 10,, }', 'scenario'));
    expect(en).to.have.length(1);
    expect(en[0]).to.deep.include({ path: 'scenario', code: 'json-syntax' });
    expect(en[0].params?.position).to.equal(13);
    expect(en[0].message).to.match(/^scenario is not valid JSON \(position 13\): \S/);
    const es = errorsOf(parseJsonAttribute("{'leads': 10}", 'scenario', { lang: 'es' }));
    expect(es[0].message).to.match(/^scenario no es un JSON válido \(posición 1\): \S/);
  });

  it('refuses empty text and text over 1 MB', () => {
    expect(summary(parseJsonAttribute('  ', 'stages'))).to.deep.equal(['stages json-empty']);
    const big = `"${'x'.repeat(MAX_JSON_LENGTH)}"`;
    const errors = errorsOf(parseJsonAttribute(big, 'scenario'));
    expect(errors[0]).to.deep.include({ path: 'scenario', code: 'json-too-large' });
    expect(errors[0].message).to.equal(
      'scenario is too large (1000002 characters); at most 1000000 (1 MB) are allowed.',
    );
    expect(parseJsonAttribute(`"${'x'.repeat(MAX_JSON_LENGTH - 2)}"`, 'scenario').ok).to.equal(
      true,
    );
  });

  it('refuses what is not text, naming its kind (a script may pass anything)', () => {
    for (const [value, kind] of [
      [42, 'number'],
      [null, 'null'],
      [{ leads: 1 }, 'object'],
    ] as const) {
      const errors = errorsOf(parseJsonAttribute(value as unknown as string, 'scenario'));
      expect(errors.map((e) => [e.path, e.code, e.params?.actual])).to.deep.equal([
        ['scenario', 'not-string', kind],
      ]);
    }
  });
});

describe('messages', () => {
  it('has a text in both languages for every code, with only known placeholders', () => {
    expect(Object.keys(MESSAGES).sort()).to.deep.equal([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      for (const lang of ['es', 'en'] as const) {
        expect(MESSAGES[code][lang], `${code} ${lang}`).to.be.a('string').and.not.equal('');
      }
      // Both languages use the same placeholders, so a param can never be missing in one.
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(holes(MESSAGES[code].es), code).to.deep.equal(holes(MESSAGES[code].en));
    }
  });

  it('re-localizes an error', () => {
    const [error] = errorsOf(parseScenario({ ...base(), leads: -3 }, { lang: 'en' }));
    expect(error.message).to.equal('leads cannot be negative (-3).');
    expect(formatError(error, 'es')).to.equal('leads no puede ser negativo (-3).');
    expect(localizeErrors([error], 'es')[0]).to.deep.equal({
      ...error,
      message: 'leads no puede ser negativo (-3).',
    });
    expect(
      formatError({ path: '', code: 'not-object', params: { actual: 'array' } }, 'es'),
    ).to.equal('El valor debe ser un objeto ({…}), no una lista.');
    // A language that is not built in (from plain JavaScript) reads as English, never throws.
    const fr = parseScenario({ ...base(), leads: -3 }, { lang: 'fr' as 'en' });
    expect(errorsOf(fr)[0].message).to.equal('leads cannot be negative (-3).');
    expect(formatError(error, 'fr' as 'en')).to.equal('leads cannot be negative (-3).');
    expect(formatError({ path: 'x', code: 'from-elsewhere', message: 'Kept.' }, 'es')).to.equal(
      'Kept.',
    );
  });
});

// ---- fuzzing ----

/** mulberry32: a tiny seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'leads',
  'dealValue',
  'stages',
  'name',
  'rate',
  'won',
  'of',
  'value',
  'names',
  'es',
  'en',
  'days',
  'wonStage',
  'currency',
  'margin',
  '__proto__',
  'constructor',
  'lead',
  'x',
];
const STRINGS = [
  '',
  ' ',
  '0.35',
  '35 %',
  '1e3',
  'EUR',
  'usd',
  'Leads',
  '∞',
  'NaN',
  '0,5',
  'x'.repeat(100),
];
const NUMBERS = [0, -0, 1, -1, 0.5, 35, 100, 1e12, 1e13, 2.5, -1e-9, Number.MAX_VALUE, 50, 51];

function randomJson(rand: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const r = rand();
  if (depth <= 0 || r < 0.35) {
    const leaf = rand();
    if (leaf < 0.1) return null;
    if (leaf < 0.2) return rand() < 0.5;
    if (leaf < 0.6)
      return rand() < 0.5 ? pick(NUMBERS) : (rand() - 0.3) * 10 ** Math.floor(rand() * 14);
    return pick(STRINGS);
  }
  if (r < 0.65) {
    return Array.from({ length: Math.floor(rand() * 6) }, () => randomJson(rand, depth - 1));
  }
  // Through JSON.parse, as an attribute would arrive, so `__proto__` becomes an own key.
  const entries = Array.from({ length: Math.floor(rand() * 6) }, () => [
    pick(KEYS),
    randomJson(rand, depth - 1),
  ]);
  return JSON.parse(
    `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`,
  );
}

/** A valid scenario with one random edit: a value replaced, a key removed, or one added. */
function mutate(rand: () => number, value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return randomJson(rand, 2);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : { ...value };
  const keys = Object.keys(copy);
  const r = rand();
  if (keys.length === 0 || r < 0.15) {
    (copy as Record<string, unknown>)[KEYS[Math.floor(rand() * KEYS.length)]] = randomJson(rand, 2);
  } else {
    const key = keys[Math.floor(rand() * keys.length)];
    const target = copy as Record<string, unknown>;
    if (r < 0.3 && !Array.isArray(copy)) delete target[key];
    else if (r < 0.6 || depth > 4) target[key] = randomJson(rand, 2);
    else target[key] = mutate(rand, target[key], depth + 1);
  }
  return copy;
}

/**
 * What is wrong with a parse result, or nothing. Plain checks rather than thousands of chai
 * assertions: the fuzz tests assert once, on the list of problems, so a failure shows its input.
 */
function problemsOf(result: ParseResult<unknown>, input: unknown): string[] {
  if (result.ok) return [];
  const where = () => JSON.stringify(input)?.slice(0, 200);
  if (result.errors.length === 0) return [`no errors listed for ${where()}`];
  const found: string[] = [];
  for (const error of result.errors) {
    if (typeof error.path !== 'string') found.push(`path missing for ${where()}`);
    if (!(ERROR_CODES as readonly string[]).includes(error.code) || error.code === 'unreadable') {
      found.push(`code ${error.code} for ${where()}`);
    }
    for (const lang of ['es', 'en'] as const) {
      const message = formatError(error, lang);
      if (message === '' || /\{\w+\}/.test(message)) found.push(`${lang} message "${message}"`);
    }
  }
  return found;
}

describe('fuzz (seeded)', () => {
  it('parseScenario and parseStageCounts never throw on random JSON', () => {
    const rand = prng(20240601);
    const found: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const input = randomJson(rand, 4);
      found.push(...problemsOf(parseScenario(input, { lang: i % 2 ? 'es' : 'en' }), input));
      found.push(...problemsOf(parseStageCounts(input), input));
    }
    expect(found.slice(0, 5)).to.deep.equal([]);
  });

  it('every mutated valid scenario is either valid and stable, or explained', () => {
    const rand = prng(7);
    const seeds = [base(), ...PRESETS.map((p) => p.scenario)];
    let valid = 0;
    const found: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const input = mutate(rand, JSON.parse(JSON.stringify(seeds[i % seeds.length])));
      const result = parseScenario(input);
      found.push(...problemsOf(result, input));
      if (result.ok) {
        valid += 1;
        // Normalizing is idempotent: what came out goes back in unchanged.
        const again = parseScenario(result.value);
        if (JSON.stringify(again) !== JSON.stringify(result)) {
          found.push(`not idempotent: ${JSON.stringify(input).slice(0, 200)}`);
        }
      }
    }
    expect(found.slice(0, 5)).to.deep.equal([]);
    // Both branches were exercised.
    expect(valid).to.be.within(1, 3999);
  });

  it('mutated stage counts are either valid or explained', () => {
    const rand = prng(11);
    const counts = [
      { name: 'Leads', value: 1200 },
      { name: 'Won', names: { es: 'Ganadas', en: 'Won' }, value: 30 },
    ];
    const found: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const input = mutate(rand, counts);
      found.push(...problemsOf(parseStageCounts(input, { lang: 'es' }), input));
    }
    expect(found.slice(0, 5)).to.deep.equal([]);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});
