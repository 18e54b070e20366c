import { expect, fixture, html } from '@open-wc/testing';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { STAGES, root } from './helpers.js';

const button = (el: SalesFunnel, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent!.trim() === name,
  );

describe('<sales-funnel> export', () => {
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
