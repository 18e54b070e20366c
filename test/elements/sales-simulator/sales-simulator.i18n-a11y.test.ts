import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { SIMULATOR_STRINGS } from '../../../src/elements/sales-simulator/strings.js';
import { project } from '../../../src/sim/index.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import { make, makeIn, quietWarnings, SCENARIO } from './fixtures.js';
import {
  allByRole,
  byLabel,
  byRole,
  columns,
  descriptionOf,
  figure,
  nameOf,
  spoken,
  typeInto,
} from './queries.js';

const simulator = (lang: string, theme: string) => make({ lang, theme, trials: 500 });

describe('<sales-simulator> accessibility', () => {
  for (const theme of ['light', 'dark'])
    for (const lang of ['en', 'es'] as const)
      it(`is accessible in its main states (${lang}, ${theme})`, async () => {
        const s = SIMULATOR_STRINGS[lang];
        const el = await simulator(lang, theme);
        await expect(el, 'as loaded').to.be.accessible();

        // A bad entry, with its message.
        await typeInto(el, byLabel(el, s.leads), 'abc');
        expect(descriptionOf(byLabel(el, s.leads))).to.not.equal('');
        await expect(el, 'bad input').to.be.accessible();

        // Edited (figures against the baseline), with a saved scenario and the comparison.
        await typeInto(el, byLabel(el, s.leads), '1200');
        await typeInto(el, byLabel(el, s.scenarioName), 'Plan');
        byRole(el, 'button', s.save).click();
        await el.updateComplete;
        await expect(el, 'edited and saved').to.be.accessible();

        // Training mode.
        el.presenting = true;
        await el.updateComplete;
        await expect(el, 'presenting').to.be.accessible();

        // A problem with an attribute, shown in place.
        const warn = quietWarnings();
        try {
          el.setAttribute('benchmark', 'nope');
          await el.updateComplete;
          await expect(el, 'attribute problem').to.be.accessible();
        } finally {
          warn.restore();
        }
      });

  it('names every input, list and button', async () => {
    const el = await make();
    const controls = [
      ...allByRole(el, 'textbox'),
      ...allByRole(el, 'slider'),
      ...allByRole(el, 'combobox'),
      ...allByRole(el, 'button'),
    ];
    expect(controls.length).to.be.greaterThan(20);
    for (const control of controls) expect(nameOf(control), control.outerHTML).to.not.equal('');
    // Every button is styleable as one from the page.
    for (const button of el.shadowRoot!.querySelectorAll('button'))
      expect(button.part.contains('button'), button.outerHTML).to.equal(true);
  });

  it('has one polite live region, and says one short line after the changes stop', async () => {
    const el = await make();
    const live = el.shadowRoot!.querySelectorAll('[aria-live], [role="status"], [role="log"]');
    expect(live).to.have.length(1);
    expect(live[0].getAttribute('aria-live')).to.equal('polite');
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      byRole(el, 'slider', 'Demo: rate').focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      expect(project(el.value).won).to.be.closeTo(122.4, 1e-9);
      // Not at every step: half a second after the last one.
      await clock.tickAsync(499);
      expect(spoken(el)).to.equal('');
      await clock.tickAsync(1);
      await clock.tickAsync(5000);
      await el.updateComplete;
      expect(spoken(el)).to.equal('Won deals 122.4, +2.4');
      expect(figure(el, 'Won deals').value).to.equal('122.4');
    } finally {
      clock.restore();
    }
  });
});

describe('<sales-simulator> layout', () => {
  it('keeps its inputs inside their panel on a page with "* { all: unset }"', async () => {
    const hostile = document.createElement('style');
    hostile.textContent = '* { all: unset; }';
    document.head.append(hostile);
    try {
      const el = await makeIn(
        html`<div style="display: block; width: 600px">
          <sales-simulator
            lang="en"
            .scenario=${SCENARIO}
            .repository=${createMemoryRepository()}
          ></sales-simulator>
        </div>`,
      );
      // Each input within its own field, and each panel within the element.
      const base = byRole(el, 'heading', 'What-if simulator').closest('[part~="base"]')!;
      const right = base.getBoundingClientRect().right;
      for (const label of [
        'Leads per period',
        'Contact: rate, exact %',
        'Name for this scenario',
      ]) {
        const input = byLabel(el, label);
        const field = input.closest('.field')!.getBoundingClientRect();
        expect(input.getBoundingClientRect().right, label).to.be.at.most(field.right + 0.5);
      }
      for (const panel of allByRole(el, 'region'))
        expect(panel.getBoundingClientRect().right, nameOf(panel)).to.be.at.most(right + 0.5);
    } finally {
      hostile.remove();
    }
  });

  for (const lang of ['en', 'es'] as const)
    it(`gives a stage name the whole row and keeps the gains in view at 320 px (${lang})`, async () => {
      const s = SIMULATOR_STRINGS[lang];
      const el = await makeIn(
        html`<div style="width: 320px">
          <sales-simulator
            lang=${lang}
            .scenario=${SCENARIO}
            .repository=${createMemoryRepository()}
          ></sales-simulator>
        </div>`,
      );
      const name = byLabel(el, s.stageName.replace('{n}', '1'));
      const stage = name.closest('li')!.getBoundingClientRect();
      expect(name.getBoundingClientRect().width / stage.width).to.be.greaterThan(0.75);
      const scroll = byRole(el, 'region', s.rankingTable);
      expect(scroll.scrollWidth).to.be.at.most(scroll.clientWidth);
      expect(columns(byRole(el, 'table', s.rankingTitle))).to.deep.equal([
        s.colLever,
        s.colWon,
        s.colRevenue,
        s.colWorse,
      ]);
    });
});

describe('<sales-simulator> languages', () => {
  it('speaks formal Spanish with "ganadas" and "flujo de ventas"', async () => {
    const es = SIMULATOR_STRINGS.es;
    const all = Object.values(es).join('\n');
    expect(all).not.to.match(/cerrad/i);
    for (const key of [
      'calibrating',
      'calibratedFrom',
      'pipelineChanged',
      'pipelineMissing',
    ] as const)
      expect(es[key], key).to.contain('flujo de ventas');
    expect(all).not.to.match(/\bembudo\b/i);
    expect(es.observedRate).to.contain('oportunidades decididas');
    const el = await make({ lang: 'es' });
    expect(figure(el, 'Ventas ganadas').value).to.not.equal('');
  });

  it('has every text in both languages', () => {
    expect(Object.keys(SIMULATOR_STRINGS.es).sort()).to.deep.equal(
      Object.keys(SIMULATOR_STRINGS.en).sort(),
    );
    for (const [key, text] of Object.entries(SIMULATOR_STRINGS.es))
      expect(text, key).to.not.equal('');
  });

  it('changes language with its lang attribute, messages included', async () => {
    const el = await make();
    await typeInto(el, byLabel(el, 'Leads per period'), 'abc');
    el.setAttribute('lang', 'es');
    await el.updateComplete;
    expect(byRole(el, 'heading', 'Datos')).to.exist;
    expect(descriptionOf(byLabel(el, 'Leads por periodo'))).to.equal(
      'Leads por periodo: escriba un número entero entre 0 y 1.000.000.000.000.',
    );
  });

  it('takes the host’s own words for any text', async () => {
    const el = await make({ strings: { won: 'Deals closed', title: 'Planner' } });
    expect(byRole(el, 'heading', 'Planner')).to.exist;
    expect(figure(el, 'Deals closed').value).to.not.equal('');
  });
});
