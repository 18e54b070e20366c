import { expect } from '@open-wc/testing';
import {
  committed,
  fieldErrorText,
  NO_DRAFTS,
  planFields,
  rateField,
  readName,
  readNumberField,
  scenarioFields,
  shownValue,
  typed,
  withError,
  withoutStages,
} from '../../../../src/elements/sales-simulator/model/field-drafts.js';
import { SIMULATOR_STRINGS } from '../../../../src/elements/sales-simulator/strings.js';
import { localizeErrors } from '../../../../src/model/messages.js';
import { parseScenario } from '../../../../src/model/validate.js';

const en = SIMULATOR_STRINGS.en;
const es = SIMULATOR_STRINGS.es;
const fields = scenarioFields(en, 'EUR');

describe('field drafts', () => {
  it('reads a number within its field’s bounds, a percentage as a share', () => {
    expect(readNumberField(fields.leads, '1,500', 'en')).to.deep.equal({ ok: true, value: 1500 });
    expect(readNumberField(fields.margin, '35,5 %', 'es')).to.deep.equal({
      ok: true,
      value: 0.355,
    });
    // A typed rate keeps three decimals of a percent.
    expect(readNumberField(rateField(0, 'A', en), '12.3456', 'en')).to.deep.equal({
      ok: true,
      value: 0.12346,
    });
    expect(readNumberField(fields.spend, '  ', 'en')).to.deep.equal({ ok: true, value: undefined });
  });

  it('refuses what is out of bounds, not whole, a percentage where there is none, or no number', () => {
    // Decimals where a whole number goes are refused with that reason, to be said as such.
    expect(readNumberField(fields.leads, '12.5', 'en')).to.deep.equal({
      ok: false,
      error: {
        kind: 'number',
        read: { ok: false, problem: 'not-whole', value: 12.5 },
        text: '12.5',
      },
    });
    const refused: [keyof typeof fields, string][] = [
      ['leads', '-1'],
      ['leads', '12x'],
      ['leads', ''],
      ['dealValue', '35%'],
      ['repeatRate', '100'],
      ['margin', '100.1'],
    ];
    for (const [key, raw] of refused)
      expect(readNumberField(fields[key], raw, 'en'), `${key} ${raw}`).to.deep.equal({
        ok: false,
        error: { kind: 'number' },
      });
    expect(readNumberField(fields.margin, '100', 'en').ok).to.equal(true);
  });

  it('reads a name of 1 to 80 characters, trimmed', () => {
    expect(readName('  Plan A ')).to.deep.equal({ ok: true, value: 'Plan A' });
    expect(readName('   ').ok).to.equal(false);
    expect(readName('x'.repeat(81)).ok).to.equal(false);
  });

  it('keeps typed text until a valid entry is committed', () => {
    let d = typed(NO_DRAFTS, 'leads', '12x');
    d = withError(d, 'leads', { kind: 'number' });
    expect(shownValue(d, fields.leads, 12, 'en')).to.equal('12x');
    expect(committed(d, 'leads')).to.equal(d);
    d = withError(typed(d, 'leads', '15'), 'leads', undefined);
    d = committed(d, 'leads');
    expect(shownValue(d, fields.leads, 15, 'en')).to.equal('15');
    expect(shownValue(NO_DRAFTS, fields.margin, 0.4, 'es')).to.equal('40');
    expect(shownValue(NO_DRAFTS, rateField(0, 'A', en), 0.12345, 'es')).to.equal('12,35');
    expect(shownValue(NO_DRAFTS, fields.spend, undefined, 'en')).to.equal('');
    expect(typed(d, 'x', 'a')).to.not.equal(d);
    const same = typed(d, 'x', 'a');
    expect(typed(same, 'x', 'a')).to.equal(same);
  });

  it('drops the stages’ drafts, whose fields a structural edit renumbers', () => {
    let d = typed(NO_DRAFTS, 'stages[1].rate', '5');
    d = withError(typed(d, 'leads', '1'), 'stages[0].name', { kind: 'name' });
    expect(withoutStages(d)).to.deep.equal({ text: { leads: '1' }, errors: {} });
  });

  it('words a problem naming the field, with its bounds, in both languages', () => {
    expect(fieldErrorText({ kind: 'number' }, en.leads, fields.leads, 'en', en)).to.equal(
      'Leads per period: enter a whole number from 0 to 1,000,000,000,000.',
    );
    const rate = rateField(1, 'Demo', en);
    expect(fieldErrorText({ kind: 'number' }, rate.label, rate, 'en', en)).to.equal(
      'Demo: rate, exact %: enter a number from 0 % to 100 %.',
    );
    const delta = planFields(es).delta;
    expect(fieldErrorText({ kind: 'number' }, delta.label, delta, 'es', es)).to.equal(
      'Mejora por etapa (puntos): escriba un número entre 0 y 50.',
    );
    expect(fieldErrorText({ kind: 'name' }, 'Nombre', undefined, 'es', es)).to.equal(
      'Nombre: escriba un nombre de 1 a 80 caracteres.',
    );
    // The engine's own reasons, worded again in the language of the moment.
    const bad = parseScenario({ leads: -5, dealValue: 1, stages: [{ name: 'a', rate: 0.5 }] });
    const errors = bad.ok ? [] : bad.errors;
    const parse = { kind: 'parse' as const, errors };
    expect(errors).to.have.length(1);
    expect(fieldErrorText(parse, 'Leads', undefined, 'es', es)).to.equal(
      localizeErrors(errors, 'es')[0].message,
    );
    expect(fieldErrorText(parse, 'Leads', undefined, 'en', en)).to.equal(
      localizeErrors(errors, 'en')[0].message,
    );
  });
});
