import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { SalesErrorEvent } from '../../../src/elements/events.js';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import { make, quietWarnings, SCENARIO, simulatorHtml } from './fixtures.js';
import {
  allByRole,
  allByText,
  byLabel,
  byRole,
  queryByRole,
  spoken,
  textOf,
  typeInto,
} from './queries.js';

/** Ten steps: the scenario, then nine changes to the step before. */
const TEN = {
  title: 'Where the funnel leaks',
  steps: [
    { title: 'Today', scenario: SCENARIO, note: 'Ask the class where they would start.' },
    { title: 'Better demos', change: { stage: 'Demo', points: 5 } },
    { title: 'Closing', change: { stage: 3, rate: 0.5 } },
    { title: 'Double the leads', change: { leads: 2000 } },
    { title: 'Bigger deals', change: { dealValue: 3000 } },
    { title: 'Contact +2', change: { stage: 'Contact', points: 2 } },
    { title: 'Demo −3', change: { stage: 'Demo', points: -3 } },
    { title: 'Fewer leads', change: { leads: 1500 } },
    { title: 'Closing 45 %', change: { stage: 'Close', rate: 0.45 } },
    { title: 'Contact 70 %', change: { stage: 1, rate: 0.7 } },
  ],
};

const stepLine = (el: SalesSimulator) =>
  allByText(el, /^Step \d+ of 10: /).filter((e) => e !== byRole(el, 'status'));
const answerShown = (el: SalesSimulator) => queryByRole(el, 'table') !== null;

async function press(el: SalesSimulator, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** The hash of `link`, made the page's address (as if the link had been opened). */
function open(link: string): void {
  history.replaceState(null, '', new URL(link).hash);
}

describe('<sales-simulator> deck', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('runs a 10-step deck from a clicker at 1920×1080, the answer never early', async () => {
    await setViewport({ width: 1920, height: 1080 });
    try {
      const el = await fixture<SalesSimulator>(
        html`<sales-simulator
          lang="en"
          trials="200"
          presenting
          deck=${JSON.stringify(TEN)}
        ></sales-simulator>`,
      );
      await el.updateComplete;
      (document.activeElement as HTMLElement | null)?.blur();
      expect(textOf(stepLine(el)[0])).to.equal('Step 1 of 10: Today');
      expect(allByText(el, 'Ask the class where they would start.')).to.have.length(1);
      expect(allByText(el, 'Starting point')).to.have.length(1);
      // The stages of the first step, one by one, then the answer.
      await press(el, 'PageDown');
      await press(el, 'PageDown');
      expect(
        allByRole(byRole(el, 'list', 'Stages and conversion rates'), 'listitem'),
      ).to.have.length(3);
      expect(answerShown(el)).to.equal(false);
      await press(el, 'PageDown');
      expect(answerShown(el)).to.equal(true);
      for (let n = 2; n <= 10; n++) {
        await press(el, 'PageDown');
        expect(textOf(stepLine(el)[0])).to.equal(`Step ${n} of 10: ${TEN.steps[n - 1].title}`);
        expect(spoken(el)).to.equal(`Step ${n} of 10: ${TEN.steps[n - 1].title}`);
        // A change keeps the stages shown, and hides the answer until asked.
        expect(answerShown(el), `step ${n}`).to.equal(false);
        await press(el, 'PageDown');
        expect(answerShown(el), `step ${n}`).to.equal(true);
      }
      const demo = TEN.steps.map((s) => s.title);
      expect(demo).to.have.length(10);
      expect(el.value.stages[0].rate).to.equal(0.7);
      expect(el.value.leads).to.equal(1500);
      // The last step: forward does nothing more.
      await press(el, 'PageDown');
      expect(textOf(stepLine(el)[0])).to.equal('Step 10 of 10: Contact 70 %');
      // Back: the answer hidden, then the step before, as it ended.
      await press(el, 'PageUp');
      expect(answerShown(el)).to.equal(false);
      await press(el, 'PageUp');
      expect(textOf(stepLine(el)[0])).to.equal('Step 9 of 10: Closing 45 %');
      expect(answerShown(el)).to.equal(true);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('says what each step changed and by how much', async () => {
    const el = await make({ presenting: true, trials: 200 });
    el.deck = TEN;
    await el.updateComplete;
    byRole(el, 'button', 'Next step').click();
    await el.updateComplete;
    // Demo 50 % → 55 %: 1,000 × 0.6 × 0.05 × 0.4 = 12 more won deals, × €2,500.
    expect(allByText(el, '+5 pp at Demo → +12 won, +€30K')).to.have.length(1);
    // The funnel and the figures measure the step against the one before.
    expect(byRole(el, 'term', 'Won deals').parentElement!.textContent).to.contain(
      '+12 vs. baseline',
    );
  });

  it('refuses a bad deck with a message naming the field, es and en, and keeps the scenario', async () => {
    const warn = quietWarnings();
    try {
      for (const [lang, text] of [
        ['en', 'the scenario before this step has no stage “Nowhere”'],
        ['es', 'el escenario anterior a este paso no tiene la etapa «Nowhere»'],
      ]) {
        const el = await make({ lang, presenting: true, trials: 200 });
        const error = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
        el.deck = JSON.stringify({
          title: 'Bad',
          steps: [
            { title: 'A', scenario: SCENARIO },
            { title: 'B', change: { stage: 'Nowhere', points: 5 } },
          ],
        });
        const { detail } = await error;
        expect(detail.field).to.equal('deck');
        expect(detail.message).to.contain('deck.steps[1].change.stage');
        expect(detail.message).to.contain(text);
        await el.updateComplete;
        expect(el.value).to.deep.equal(SCENARIO);
        expect(allByText(el, /^(Step|Paso) 1/)).to.have.length(0);
      }
    } finally {
      warn.restore();
    }
  });

  it("says where a deck's JSON breaks in words, the engine's own in the event's cause and the console", async () => {
    const warn = quietWarnings();
    try {
      const el = await make({ lang: 'es', presenting: true, trials: 200 });
      const error = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
      el.setAttribute('deck', '{"title": "Mal", steps: []}');
      const { detail } = await error;
      await el.updateComplete;
      const engine = /Expected (double-quoted property name|property name or '\}')/;
      expect(detail.field).to.equal('deck');
      expect(detail.message).to.contain('deck no es un JSON válido (posición 17)');
      expect(detail.message).not.to.match(engine);
      expect(detail.cause ?? '', 'the cause').to.match(engine);
      const logged = warn.getCalls().find((c) => String(c.args[0]).includes(detail.message));
      expect(logged?.args.slice(1).join(' '), 'logged with its cause').to.match(engine);
      expect(textOf(el.shadowRoot)).to.contain('La presentación no es un JSON válido');
      expect(textOf(el.shadowRoot)).not.to.match(engine);
    } finally {
      warn.restore();
    }
  });

  it('opens a deck from a file, and from the saved scenarios', async () => {
    const el = await make({ presenting: true, trials: 200 });
    expect(el.importText(JSON.stringify(TEN), 'deck.json')).to.equal(true);
    await el.updateComplete;
    expect(textOf(stepLine(el)[0])).to.equal('Step 1 of 10: Today');
    expect(textOf(el.shadowRoot)).to.contain('Deck “Where the funnel leaks” loaded: 10 steps.');
    const name = byLabel(el, 'Name for this scenario');
    await typeInto(el, name, 'First');
    byRole(el, 'button', 'Save').click();
    await el.updateComplete;
    await waitUntil(() => queryByRole(el, 'button', 'Deck from saved scenarios'), 'no deck button');
    byRole(el, 'button', 'Deck from saved scenarios').click();
    await el.updateComplete;
    expect(
      allByText(el, /^Step 1 of 1: First$/).filter((e) => e !== byRole(el, 'status')),
    ).to.have.length(1);
  });
});

describe('<sales-simulator> links keep what the person set', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('keeps the target, the Δ points and the stage selected', async () => {
    const el = await make({ trials: 200 });
    await typeInto(el, byLabel(el, 'Target per period'), '40');
    await typeInto(el, byLabel(el, 'Improvement per stage (points)'), '3');
    byLabel(el, 'Name of stage 2').focus();
    await el.updateComplete;
    open(el.shareLink());
    const other = await make({ trials: 200, syncHash: true, scenario: null });
    expect(byLabel<HTMLInputElement>(other, 'Target per period').value).to.equal('40');
    expect(byLabel<HTMLInputElement>(other, 'Improvement per stage (points)').value).to.equal('3');
    expect(other.value).to.deep.equal(SCENARIO);
    expect(
      allByRole(byRole(other, 'list', 'Stages and conversion rates'), 'listitem')[1].className,
    ).to.contain('selected');
  });

  it('keeps the deck and its step, and opens an audience link read-only', async () => {
    const el = await make({ presenting: true, trials: 200 });
    el.deck = TEN;
    await el.updateComplete;
    for (let i = 0; i < 3; i++) byRole(el, 'button', 'Next step').click();
    await el.updateComplete;
    open(el.shareLink());
    const trainer = await make({ trials: 200, syncHash: true, presenting: true, scenario: null });
    expect(textOf(stepLine(trainer)[0])).to.equal('Step 4 of 10: Double the leads');
    expect(trainer.value.leads).to.equal(2000);
    open(el.audienceLink());
    const audience = await fixture<SalesSimulator>(
      simulatorHtml({ trials: 200, syncHash: true, scenario: null }),
    );
    await audience.updateComplete;
    expect(audience.hasAttribute('presenting')).to.equal(true);
    expect(textOf(stepLine(audience)[0])).to.equal('Step 4 of 10: Double the leads');
    // Nothing to edit: no field, slider, list or button but full screen.
    const editable = ['textbox', 'slider', 'combobox', 'spinbutton', 'checkbox'].flatMap((r) =>
      allByRole(audience, r),
    );
    expect(editable).to.have.length(0);
    expect(audience.shadowRoot!.querySelectorAll('input, select, textarea')).to.have.length(0);
    expect(allByRole(audience, 'button').map((b) => textOf(b))).to.deep.equal(['Full screen']);
    // The keys do not move it either.
    (document.activeElement as HTMLElement | null)?.blur();
    await press(audience, 'PageDown');
    expect(textOf(stepLine(audience)[0])).to.equal('Step 4 of 10: Double the leads');
    expect(audience.value.leads).to.equal(2000);
  });

  it('refuses a link whose settings are out of range, naming the setting', async () => {
    const el = await make({ trials: 200 });
    const warn = quietWarnings();
    try {
      open(`${el.shareLink()}&target=lots`);
      const other = await make({ trials: 200, syncHash: true, scenario: null, lang: 'es' });
      expect(textOf(byRole(other, 'alert'))).to.contain('link.target debe ser un número de 0');
      expect(warn.firstCall.args.join(' ')).to.contain('link.target');
    } finally {
      warn.restore();
    }
  });
});
