import { expect, fixture, html } from '@open-wc/testing';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { STAGES, root } from './helpers.js';

const button = (el: SalesFunnel, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent!.trim() === name,
  );

/** Whether the page has fetched the export menu's code (its own module, loaded on first use). */
const menuLoaded = () =>
  performance.getEntriesByType('resource').some((e) => e.name.includes('/export-menu.'));

describe('<sales-funnel> export', () => {
  // First in the file: once loaded, a page keeps the module.
  it('loads the export menu’s code only for a chart with exportable, and draws it then', async () => {
    const plain = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .stages=${STAGES}></sales-funnel>`,
    );
    expect(root(plain).querySelector('svg')).to.exist;
    expect(menuLoaded()).to.equal(false);
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel exportable lang="en" .stages=${STAGES}></sales-funnel>`,
    );
    expect(menuLoaded()).to.equal(true);
    expect(root(el).querySelector('summary')!.textContent).to.contain('Export');
    expect(getComputedStyle(root(el).querySelector('details')!).position).to.equal('relative');
  });

  it('exports a standalone SVG with the labels', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .stages=${STAGES}></sales-funnel>`,
    );
    const text = await el.toSVG();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.documentElement.localName).to.equal('svg');
    expect(doc.querySelectorAll('path')).to.have.length(4);
    expect(doc.documentElement.textContent).to.contain('Qualified');
    expect(doc.querySelector('path')!.getAttribute('fill')).to.match(/^(rgb|oklab|color)/);
  });

  it('exports a PNG', async () => {
    const el = await fixture<SalesFunnel>(html`<sales-funnel .stages=${STAGES}></sales-funnel>`);
    const png = await el.toPNG(1);
    expect(png.type).to.equal('image/png');
    expect(png.size).to.be.greaterThan(1000);
  });

  it('offers an accessible export menu with exportable, its buttons part="button"', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel exportable lang="es" .stages=${STAGES}></sales-funnel>`,
    );
    const menu = root(el).querySelector<HTMLDetailsElement>('details')!;
    expect(menu.querySelector('summary')!.textContent).to.contain('Exportar');
    menu.open = true;
    for (const name of ['Descargar SVG', 'Descargar PNG']) {
      expect(button(el, name), name).to.exist;
      expect(button(el, name)!.part.contains('button'), name).to.equal(true);
    }
    await expect(el).to.be.accessible();
  });

  it('has no menu without exportable', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .stages=${STAGES}></sales-funnel>`,
    );
    expect(root(el).querySelector('details, button')).to.equal(null);
  });
});
