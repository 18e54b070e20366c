import { expect } from '@open-wc/testing';
import {
  newPipelineOf,
  readBoardOptions,
  type BoardAttributes,
} from '../../../../src/elements/sales-pipeline/model/options.js';
import { PIPELINE_STRINGS } from '../../../../src/elements/sales-pipeline/later-strings.js';

const none: BoardAttributes = {
  staleDays: undefined,
  staleDaysText: null,
  theme: undefined,
  template: undefined,
  currency: undefined,
};
const read = (input: Partial<BoardAttributes>) =>
  readBoardOptions({ ...none, ...input }, PIPELINE_STRINGS.en);

describe('board options', () => {
  it('uses the defaults for attributes left out, with no problem', () => {
    const options = read({});
    expect(options.staleDays).to.deep.equal({ value: 30 });
    expect(options.theme).to.deep.equal({ value: undefined });
    expect(options.template).to.deep.equal({ value: 'pipeline-7' });
    expect(options.currency).to.deep.equal({});
  });

  it('takes stale-days from 0 to 3650 days, and quotes back what it cannot use', () => {
    expect(read({ staleDays: 0 }).staleDays).to.deep.equal({ value: 0 });
    expect(read({ staleDays: 3650 }).staleDays).to.deep.equal({ value: 3650 });
    expect(read({ staleDays: 2.5 }).staleDays).to.deep.equal({ value: 2.5 });
    for (const [staleDays, staleDaysText, shown] of [
      [NaN, 'abc', 'abc'],
      [3651, '3651', '3651'],
      [-1, '-1', '-1'],
    ] as const) {
      const { value, problem } = read({ staleDays, staleDaysText }).staleDays;
      expect(value).to.equal(30);
      expect(problem).to.deep.include({ field: 'stale-days', value: shown, fallback: 30 });
    }
  });

  it('takes a currency code in any case, and EUR with a problem for anything else', () => {
    expect(read({ currency: ' usd ' }).currency).to.deep.equal({ value: 'USD' });
    expect(read({ currency: '' }).currency).to.deep.equal({});
    expect(read({ currency: 'EURO' }).currency).to.deep.equal({
      value: 'EUR',
      problem: {
        value: 'EURO',
        message:
          'currency must be a three-letter ISO 4217 code such as EUR or USD, not “EURO”; EUR is used.',
      },
    });
    expect(read({ currency: 'E1R' }).currency.problem?.value).to.equal('E1R');
  });

  it('names the template and theme values it does not know', () => {
    const template = read({ template: 'kanban' }).template;
    expect(template.value).to.equal('pipeline-7');
    expect(template.problem).to.deep.include({ field: 'template', value: 'kanban' });
    expect(read({ template: 'ecommerce' }).template).to.deep.equal({ value: 'ecommerce' });
    expect(read({ theme: 'dark' }).theme).to.deep.equal({ value: 'dark' });
    expect(read({ theme: 'blue' }).theme.problem).to.deep.include({
      field: 'theme',
      value: 'blue',
    });
  });

  it('creates a new pipeline with the template’s stages, and the currency only when given', () => {
    const fresh = newPipelineOf('three-processes', undefined, PIPELINE_STRINGS.es);
    expect(fresh.name).to.equal('Flujo de ventas');
    expect(fresh.preset!.id).to.equal('three-processes');
    expect(fresh).to.not.have.property('currency');
    expect(newPipelineOf('pipeline-7', 'USD', PIPELINE_STRINGS.en).currency).to.equal('USD');
  });
});
