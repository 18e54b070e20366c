import { expect, fixture, html } from '@open-wc/testing';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { STAGES, afterResize, bands, chart, root, stages, tooltip } from './helpers.js';

afterEach(() => {
  document.querySelectorAll('body > sales-funnel').forEach((e) => e.remove());
});

describe('<sales-funnel> in any page', () => {
  it("never writes a style attribute (refused under style-src 'self')", async () => {
    const original = Element.prototype.setAttribute;
    const written: string[] = [];
    Element.prototype.setAttribute = function (name: string, value: string) {
      written.push(name);
      original.call(this, name, value);
    };
    try {
      const el = await fixture<SalesFunnel>(
        html`<sales-funnel lang="en" .stages=${STAGES}></sales-funnel>`,
      );
      stages(el)[1].focus();
      await el.updateComplete;
      expect(tooltip(el)).not.to.equal(null);
      el.stages = STAGES.slice(0, 2);
      await el.updateComplete;
    } finally {
      Element.prototype.setAttribute = original;
    }
    expect(written).to.include('d');
    expect(written).not.to.include('style');
  });

  it('keeps working beside hostile global CSS and in several instances', async () => {
    const hostile = document.createElement('style');
    hostile.textContent = '* { all: unset } svg { display: none } path { fill: red }';
    document.head.append(hostile);
    try {
      const wrap = await fixture<HTMLDivElement>(
        html`<div style="width: 500px">
          <sales-funnel .stages=${STAGES}></sales-funnel>
          <sales-funnel preset="ecommerce"></sales-funnel>
        </div>`,
      );
      const [a, b] = [...wrap.querySelectorAll('sales-funnel')];
      await Promise.all([afterResize(a), afterResize(b)]);
      for (const el of [a, b]) {
        const svgEl = chart(el)!;
        expect(getComputedStyle(svgEl).display).to.equal('block');
        expect(svgEl.getBoundingClientRect().width).to.be.greaterThan(300);
        expect(getComputedStyle(bands(el)[0]).fill).not.to.equal('rgb(255, 0, 0)');
      }
      expect(bands(a)).to.have.length(4);
      expect(bands(b).length).to.be.greaterThan(2);
    } finally {
      hostile.remove();
    }
  });

  it('draws at the default width while hidden, and at its box once shown', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div style="display: none; width: 800px">
        <sales-funnel lang="en" .stages=${STAGES}></sales-funnel>
      </div>`,
    );
    const el = box.querySelector('sales-funnel')!;
    await el.updateComplete;
    // A hidden host has no box (its width reads 0): not a 120 px chart squeezed from −24 px.
    expect(chart(el)!.getAttribute('width')).to.equal('480');
    // Shown, it lays out for its content box (800 px less the 12 px padding each side).
    await afterResize(el, () => (box.style.display = 'block'));
    expect(chart(el)!.getAttribute('width')).to.equal('776');
  });

  it('keeps its own box sizing when the page unsets everything', async () => {
    const hostile = document.createElement('style');
    hostile.textContent =
      '* { all: unset } sales-funnel { box-sizing: content-box; padding: 30px }';
    document.head.append(hostile);
    try {
      const wrap = await fixture<HTMLDivElement>(
        html`<div style="display: block; width: 400px">
          <sales-funnel .stages=${STAGES.slice(0, 3)}></sales-funnel>
        </div>`,
      );
      const el = wrap.querySelector('sales-funnel')!;
      await el.updateComplete;
      const base = root(el).querySelector('[part~="base"]')!;
      expect(getComputedStyle(base).boxSizing).to.equal('border-box');
      const outer = wrap.getBoundingClientRect();
      expect(base.getBoundingClientRect().right).to.be.at.most(outer.right + 1);
      expect(chart(el)!.getBoundingClientRect().right).to.be.at.most(outer.right + 1);
    } finally {
      hostile.remove();
    }
  });
});
