import { expect } from '@open-wc/testing';
import { placeOf, sayError, sourceOf } from '../../src/model/places.js';

describe('places: an error where a person knows it', () => {
  it('names a stage by position and name, in its language', () => {
    const input = [{ name: 'Visits', names: { es: 'Visitas' }, value: -5 }];
    const source = { input, root: 'stages' };
    expect(placeOf('stages[0].value', 'en', source)).to.deep.equal({
      where: 'Stage 1 (Visits)',
      what: 'the value',
    });
    expect(placeOf('stages[0].value', 'es', source).where).to.equal('Etapa 1 (Visitas)');
    const e = { path: 'stages[0].value', code: 'negative', params: { value: -5 } } as const;
    expect(sayError(e, 'es', source)).to.equal(
      'Etapa 1 (Visitas): el valor no puede ser negativo (-5).',
    );
  });

  it("names a deck's step and its scenario's stage, and a key with odd characters as written", () => {
    const deck = { steps: [{ title: 'Intro', scenario: { stages: [{ name: 'A' }] } }] };
    const source = sourceOf(deck, 'deck');
    expect(placeOf('deck.steps[0].scenario.stages[0].rate', 'en', source)).to.deep.equal({
      where: 'Step 1 of the deck (Intro), stage 1 (A)',
      what: 'the conversion rate',
    });
    expect(placeOf('stages[0]["a.b"]', 'en').what).to.equal('“a.b”');
  });

  it('reads nothing from a hostile value: a revoked proxy or a throwing getter names no stage', () => {
    const { proxy, revoke } = Proxy.revocable([{ name: 'X' }], {});
    revoke();
    const getter = [
      Object.defineProperty({}, 'name', {
        get: () => {
          throw new Error('no');
        },
        enumerable: true,
      }),
    ];
    for (const input of [proxy, getter]) {
      expect(placeOf('stages[0].value', 'en', { input, root: 'stages' })).to.deep.equal({
        where: 'Stage 1',
        what: 'the value',
      });
    }
  });
});
