import { expect } from '@open-wc/testing';
import { SCENARIO, errorText, withError } from './helpers.js';

/*
 * What a person reads for a bad stage names it as they know it (its position and name), in
 * Spanish and English; the console and the `error` event keep the field's exact path, as before.
 */

afterEach(() => {
  document.querySelectorAll('body > sales-funnel').forEach((e) => e.remove());
});

const VISITS = [
  { name: 'Visits', names: { es: 'Visitas' }, value: -5 },
  { name: 'Qualified', value: 'lots' },
];

describe('<sales-funnel> names a bad stage by its position and name', () => {
  it('in English: "Stage 1 (Visits)", with the path kept in the event and the console', async () => {
    const { el, detail, warnings } = await withError((e) => {
      e.lang = 'en';
      e.stages = VISITS as never;
    });
    const shown = errorText(el);
    expect(shown).to.contain('Stage 1 (Visits): the value cannot be negative (-5).');
    expect(shown).to.contain('Stage 2 (Qualified): the value must be a number, not text.');
    expect(shown).not.to.contain('stages[');
    // The event's detail and the console are as they were: each field by its path.
    expect(detail).to.deep.equal({
      field: 'stages',
      message:
        'stages[0].value cannot be negative (-5). stages[1].value must be a number, not text.',
    });
    expect(String(warnings[0][0])).to.contain('stages[0].value cannot be negative');
  });

  it('in Spanish: "Etapa 1 (Visitas)", the event unchanged', async () => {
    const { el, detail } = await withError((e) => {
      e.lang = 'es';
      e.setAttribute('stages', JSON.stringify(VISITS));
    });
    const shown = errorText(el);
    expect(shown).to.contain('Etapa 1 (Visitas): el valor no puede ser negativo (-5).');
    expect(shown).to.contain('Etapa 2 (Qualified): el valor debe ser un número, no un texto.');
    expect(detail.message).to.equal(
      'stages[0].value no puede ser negativo (-5). stages[1].value debe ser un número, no un texto.',
    );
  });

  it('a scenario: its stage, and its own fields in words', async () => {
    const bad = {
      ...SCENARIO,
      leads: -1,
      stages: [SCENARIO.stages[0], { name: 'Offer', rate: 35 }, { name: 'Won', rat: 0.5 }],
    };
    const { el, detail } = await withError((e) => {
      e.lang = 'en';
      e.scenario = bad as never;
    });
    const shown = errorText(el);
    expect(shown).to.contain('The leads per period cannot be negative (-1).');
    expect(shown).to.contain('Stage 2 (Offer): the conversion rate must be between 0 and 1; 35 %');
    expect(shown).to.contain("Stage 3 (Won): “rat” is not a known field; did you mean 'rate'?");
    expect(detail.field).to.equal('scenario');
    expect(detail.message).to.contain('scenario.leads cannot be negative (-1).');
    expect(detail.message).to.contain('scenario.stages[1].rate must be between 0 and 1');
    expect(detail.message).to.contain('scenario.stages[2].rat is not a known field');
  });

  it('compared stages are called so, in Spanish too', async () => {
    const { el, detail } = await withError((e) => {
      e.lang = 'es';
      e.stages = [{ name: 'A', value: 10 }];
      e.compare = [{ name: 'Visitas', value: null }, { value: 3 }] as never;
    });
    expect(errorText(el)).to.contain('Etapa 2 comparada: falta el nombre; es obligatorio.');
    expect(detail).to.deep.equal({
      field: 'compare',
      message: 'Falta compare[1].name; es obligatorio.',
    });
  });

  it('a text that is not a list says so, naming the attribute', async () => {
    const { el, detail } = await withError((e) => {
      e.lang = 'en';
      e.setAttribute('stages', '{"name":"Leads"}');
    });
    expect(errorText(el)).to.contain('The stages attribute must be a list ([…]), not an object.');
    expect(detail.message).to.equal('stages must be a list ([…]), not an object.');
  });
});
