import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import type { SalesErrorEvent } from '../../../src/elements/events.js';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import { make, quietWarnings, SCENARIO } from './fixtures.js';
import { textOf } from './queries.js';

/*
 * A scenario, a file or a deck that cannot be used: what a person reads names each stage and
 * step by its position and name, in Spanish and English; the `error` event (and the console)
 * keeps each field's path, as before.
 */

/** Every problem shown above the panels. */
const problems = (el: SalesSimulator) =>
  [...el.shadowRoot!.querySelectorAll('[part~="error"]')].map((p) => textOf(p)).join(' | ');

const BAD = {
  leads: 100,
  dealValue: 1000,
  stages: [
    { name: 'Contact', names: { es: 'Contacto' }, rate: 0.5 },
    { name: 'Demo', rate: 1.5 },
  ],
};

async function withBadScenario(lang: string) {
  const warn = quietWarnings();
  try {
    const el = document.createElement('sales-simulator');
    el.lang = lang;
    el.repository = createMemoryRepository();
    el.setAttribute('trials', '200');
    el.setAttribute('scenario', JSON.stringify(BAD));
    const error = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
    document.body.append(el);
    const { detail } = await error;
    await el.updateComplete;
    return { el, detail, warnings: warn.args.slice() };
  } finally {
    warn.restore();
  }
}

afterEach(() => document.querySelectorAll('body > sales-simulator').forEach((e) => e.remove()));

describe('<sales-simulator> names a bad stage as a person knows it', () => {
  it('a scenario attribute, in English: the event and the console keep the path', async () => {
    const { el, detail, warnings } = await withBadScenario('en');
    expect(problems(el)).to.contain(
      'The scenario could not be used: Stage 2 (Demo): the conversion rate must be between 0 and 1',
    );
    expect(problems(el)).not.to.contain('stages[1]');
    expect(detail).to.deep.equal({
      field: 'scenario',
      message:
        'The scenario could not be used: stages[1].rate must be between 0 and 1 (a share: 0.35 means 35 %), not 1.5.',
    });
    expect(String(warnings[0][0])).to.contain('stages[1].rate must be between 0 and 1');
  });

  it('a scenario attribute, in Spanish', async () => {
    const { el, detail } = await withBadScenario('es');
    expect(problems(el)).to.contain(
      'No se pudo usar el escenario: Etapa 2 (Demo): el porcentaje de conversión debe estar entre 0 y 1',
    );
    expect(detail.message).to.contain('stages[1].rate debe estar entre 0 y 1');
  });

  it('an imported text names the stage by its name in the element language', async () => {
    const el = await make({ lang: 'es', trials: 200, scenario: SCENARIO });
    const bad = { ...BAD, stages: [{ ...BAD.stages[0], rate: -1 }] };
    const warn = quietWarnings();
    try {
      const error = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
      expect(el.importText(JSON.stringify(bad), 'plan.json')).to.equal(false);
      const { detail } = await error;
      await el.updateComplete;
      expect(problems(el)).to.contain(
        'No se pudo usar el archivo «plan.json»: Etapa 1 (Contacto): el porcentaje de conversión debe estar entre 0 y 1',
      );
      expect(detail.field).to.equal('import');
      expect(detail.message).to.contain('stages[0].rate debe estar entre 0 y 1');
    } finally {
      warn.restore();
    }
  });

  for (const [lang, shown, said] of [
    [
      'en',
      'The deck could not be used: Step 2 of the deck (Qualify), stage 2 (Demo): the conversion rate must be between 0 and 1',
      'deck.steps[1].scenario.stages[1].rate must be between 0 and 1',
    ],
    [
      'es',
      'No se pudo usar la presentación: Paso 2 de la presentación (Qualify), etapa 2 (Demo): el porcentaje de conversión debe estar entre 0 y 1',
      'deck.steps[1].scenario.stages[1].rate debe estar entre 0 y 1',
    ],
  ]) {
    it(`a deck names its step and the step's stage (${lang})`, async () => {
      const deck = {
        title: 'Course',
        steps: [
          { title: 'Start', scenario: SCENARIO },
          { title: 'Qualify', scenario: BAD },
        ],
      };
      const warn = quietWarnings();
      try {
        const el = await fixture<SalesSimulator>(
          html`<sales-simulator
            lang=${lang}
            trials="200"
            .repository=${createMemoryRepository()}
          ></sales-simulator>`,
        );
        const error = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
        el.deck = deck;
        const { detail } = await error;
        await el.updateComplete;
        expect(problems(el)).to.contain(shown);
        expect(detail.field).to.equal('deck');
        expect(detail.message).to.contain(said);
      } finally {
        warn.restore();
      }
    });
  }
  it('a deck given as text is parsed once, and still names its step and stage', async () => {
    const text = JSON.stringify({
      title: 'Course',
      steps: [
        { title: 'Start', scenario: SCENARIO },
        { title: 'Qualify', scenario: BAD },
      ],
    });
    const warn = quietWarnings();
    const parse = sinon.spy(JSON, 'parse');
    try {
      const el = await fixture<SalesSimulator>(
        html`<sales-simulator
          lang="en"
          trials="200"
          .repository=${createMemoryRepository()}
        ></sales-simulator>`,
      );
      const error = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
      el.setAttribute('deck', text);
      await error;
      await el.updateComplete;
      expect(problems(el)).to.contain('Step 2 of the deck (Qualify), stage 2 (Demo)');
      // Wording the errors reads the names from the value already parsed, not the text again.
      expect(parse.getCalls().filter((c) => c.args[0] === text)).to.have.length(1);
    } finally {
      parse.restore();
      warn.restore();
    }
  });
});
