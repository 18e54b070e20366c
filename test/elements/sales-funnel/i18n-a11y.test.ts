import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { FUNNEL_STRINGS } from '../../../src/elements/sales-funnel/strings.js';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { SCENARIO, STAGES, bands, chart, labelText, root, stage, tableRows } from './helpers.js';

afterEach(() => {
  document.querySelectorAll('body > sales-funnel').forEach((e) => e.remove());
});

describe('<sales-funnel> language', () => {
  it('follows the nearest lang, through shadow roots, and its changes', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="es"></div>`);
    const host = document.createElement('div');
    outer.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const el = document.createElement('sales-funnel');
    el.stages = STAGES;
    shadow.append(el);
    await el.updateComplete;
    const name = (s: string) => stage(el, s)!.getAttribute('aria-label');
    expect(name('Qualified')).to.contain('De la anterior: 50');
    expect(tableRows(el)[0][1]).to.equal('1200');
    outer.setAttribute('lang', 'en');
    // The element hears of it from a MutationObserver, whose callback runs as a microtask.
    await Promise.resolve();
    await el.updateComplete;
    expect(name('Qualified')).to.contain('From previous: 50%');
    expect(tableRows(el)[0][1]).to.equal('1,200');
  });

  it('says "vs." in the element language', async () => {
    const three = STAGES.slice(0, 3);
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel
        lang="es"
        .stages=${three}
        .compare=${three.map((s) => ({ ...s, value: s.value / 2 }))}
        compare-label="T2"
      ></sales-funnel>`,
    );
    expect(labelText(el)[0]).to.contain('frente a T2').and.not.contain('vs.');
  });

  it('speaks Spanish with leads, ganadas and usted', () => {
    const es = Object.values(FUNNEL_STRINGS.es).join(' ');
    expect(es).not.to.match(/contacto/i);
    expect(es).to.contain('ganadas');
    expect(es).not.to.match(/\b(elige|tienes|puedes|tu)\b/i);
  });

  it('has every text in both languages', () => {
    expect(Object.keys(FUNNEL_STRINGS.es).sort()).to.deep.equal(
      Object.keys(FUNNEL_STRINGS.en).sort(),
    );
    for (const [key, text] of Object.entries(FUNNEL_STRINGS.es)) expect(text, key).not.to.equal('');
  });

  it('takes the host page’s texts over its own', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel
        lang="en"
        .strings=${{ colCount: 'Deals', stagesLabel: 'Our funnel' }}
        .stages=${STAGES}
      ></sales-funnel>`,
    );
    expect(chart(el)!.getAttribute('aria-label')).to.equal('Our funnel: Leads – Won');
    expect(stage(el, 'Leads')!.getAttribute('aria-label')).to.contain('Deals: 1,200');
  });
});

describe('<sales-funnel> theme', () => {
  it('uses different colours in the dark theme', async () => {
    const light = await fixture<SalesFunnel>(
      html`<sales-funnel theme="light" .stages=${STAGES}></sales-funnel>`,
    );
    const dark = await fixture<SalesFunnel>(
      html`<sales-funnel theme="dark" .stages=${STAGES}></sales-funnel>`,
    );
    const fill = (el: SalesFunnel) => getComputedStyle(bands(el)[0]).fill;
    const bg = (el: SalesFunnel) =>
      getComputedStyle(root(el).querySelector('[part~="base"]')!).backgroundColor;
    expect(fill(dark)).not.to.equal(fill(light));
    expect(bg(dark)).not.to.equal(bg(light));
    await expect(dark).to.be.accessible();
  });

  it('takes custom properties from the page', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel
        style="--sales-funnel-color-start: rgb(255, 0, 0); --sales-funnel-color-end: rgb(255, 0, 0)"
        .stages=${STAGES}
      ></sales-funnel>`,
    );
    expect(getComputedStyle(bands(el)[1]).fill).to.match(/255|oklab/);
  });
});

describe('<sales-funnel> accessibility', () => {
  it('is accessible with a scenario, a compare set and an error', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel .scenario=${SCENARIO} .compare=${STAGES.slice(0, 3)}></sales-funnel>`,
    );
    await expect(el).to.be.accessible();
    // Named by its stages, so several funnels on a page are told apart.
    expect(chart(el)!.getAttribute('aria-label')).to.equal('Funnel stages: Contact – Close');
    expect(root(el).querySelector('table caption')!.textContent!.trim()).to.equal(
      'Funnel data: Contact – Close',
    );
    const warn = sinon.stub(console, 'warn');
    try {
      el.setAttribute('scenario', '[');
      el.compare = undefined;
      await el.updateComplete;
    } finally {
      warn.restore();
    }
    await expect(el).to.be.accessible();
  });

  it('names each stage by the figures the table gives', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .stages=${STAGES}></sales-funnel>`,
    );
    expect(stage(el, 'Offer')!.getAttribute('aria-label')).to.equal(
      'Offer, Count: 150, Share of top: 13%, From previous: 25%',
    );
    expect(tableRows(el)[2]).to.deep.equal(['Offer', '150', '13%', '25%']);
  });
});
