import { expect, fixture, html } from '@open-wc/testing';
import type { SalesFunnel } from '../../../../src/elements/sales-funnel/sales-funnel.js';
import {
  SCENARIO,
  SCENARIO_WITH_AFTER_SALE,
  STAGES,
  THREE,
  bands,
  caption,
  chart,
  errorText,
  headers,
  labelText,
  outlines,
  root,
  tableRows,
} from '../helpers.js';

afterEach(() => {
  document.querySelectorAll('body > sales-funnel').forEach((e) => e.remove());
});

describe('<sales-funnel> data sources', () => {
  it('draws observed counts from the stages attribute', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" stages=${JSON.stringify(STAGES)}></sales-funnel>`,
    );
    expect(bands(el)).to.have.length(4);
    expect(tableRows(el)).to.deep.equal([
      ['Leads', '1,200', '100%', '—'],
      ['Qualified', '600', '50%', '50%'],
      ['Offer', '150', '13%', '25%'],
      ['Won', '90', '7.5%', '60%'],
    ]);
    expect(labelText(el)[0]).to.contain('Leads').and.contain('1.2K');
  });

  it('gives the same result from a property set before or after attaching', async () => {
    const before = document.createElement('sales-funnel');
    before.lang = 'en';
    before.stages = STAGES;
    document.body.append(before);
    await before.updateComplete;
    const after = await fixture<SalesFunnel>(html`<sales-funnel lang="en"></sales-funnel>`);
    after.stages = STAGES;
    await after.updateComplete;
    expect(tableRows(after)).to.deep.equal(tableRows(before));
    expect(tableRows(after)).to.have.length(4);
  });

  it('projects a scenario (attribute or property) through project()', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" scenario=${JSON.stringify(SCENARIO)}></sales-funnel>`,
    );
    expect(tableRows(el).map((r) => r.slice(0, 2))).to.deep.equal([
      ['Contact', '1,000'],
      ['Demo', '600'],
      ['Close', '300'],
    ]);
    // Revenue on the won (last) stage only, and the expected won deals in the caption.
    expect(tableRows(el)[2][4]).to.equal('€300,000');
    expect(caption(el)).to.contain('Expected won: 120');
    expect(caption(el)).to.match(/pays off most/);

    const prop = await fixture<SalesFunnel>(html`<sales-funnel lang="en"></sales-funnel>`);
    prop.scenario = SCENARIO;
    await prop.updateComplete;
    expect(tableRows(prop)).to.deep.equal(tableRows(el));
  });

  it('draws a preset', async () => {
    const el = await fixture<SalesFunnel>(html`<sales-funnel preset="saas-b2b"></sales-funnel>`);
    expect(bands(el).length).to.be.greaterThan(2);
    expect(errorText(el)).to.equal('');
    // A scenario names what pays off most, on its band's label.
    expect(labelText(el).some((t) => t.startsWith('★'))).to.equal(true);
  });

  it('draws a preset set after the first render once updateComplete resolves', async () => {
    const el = await fixture<SalesFunnel>(html`<sales-funnel lang="en"></sales-funnel>`);
    expect(root(el).textContent).to.contain('No stages to show.');
    el.preset = 'pipeline-7';
    await el.updateComplete;
    expect(tableRows(el).map((r) => r.slice(0, 2))[0]).to.deep.equal(['Prospecting', '1,000']);
    expect(bands(el)).to.have.length(7);
  });

  it('draws a compared data set as outlines with the change per stage', async () => {
    const last = STAGES.map((s) => ({ ...s, value: s.value / 2 }));
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel
        lang="en"
        .stages=${STAGES}
        compare=${JSON.stringify(last)}
        compare-label="Q2"
      ></sales-funnel>`,
    );
    expect(outlines(el)).to.have.length(4);
    expect(labelText(el)[0]).to.contain('▲ 100% vs. Q2');
    expect(headers(el)).to.include('Change (Q2)');
    // A compared scenario works too.
    el.compare = { ...SCENARIO, leads: 1500 };
    await el.updateComplete;
    expect(errorText(el)).to.equal('');
    expect(labelText(el)[0]).to.contain('▼ 20%');
  });
});

describe('<sales-funnel> money and the won boundary', () => {
  it('gives the revenue to the won stage only, marked as won', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .scenario=${SCENARIO_WITH_AFTER_SALE}></sales-funnel>`,
    );
    const text = labelText(el);
    // No band but the sale's shows money.
    text.forEach((t, i) => expect(t.includes('€'), t).to.equal(i === 3));
    expect(text[3]).to.contain('✓ 25.9 won · €77.8K');
    // One tick across the funnel, where the won deals close.
    expect(chart(el)!.querySelectorAll('line')).to.have.length(1);
    expect(headers(el)).to.include('Revenue');
    expect(tableRows(el).map((r) => r[4])).to.deep.equal(['—', '—', '—', '€77,814', '—']);
  });

  it('calls money from counts and a deal value "value if won", off the labels', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" deal-value="0.25" .stages=${THREE}></sales-funnel>`,
    );
    expect(labelText(el).join(' ')).not.to.contain('€');
    expect(headers(el)).to.include('Value if won');
    // One money format in the column: cents everywhere, or nowhere.
    expect(tableRows(el).map((r) => r[4])).to.deep.equal(['€300.00', '€150.00', '€22.50']);
    expect(chart(el)!.querySelector('line')).to.equal(null);
  });

  it('gives fractional expected counts below 100 one decimal, as the simulator does', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .scenario=${SCENARIO_WITH_AFTER_SALE}></sales-funnel>`,
    );
    expect(caption(el)).to.contain('Expected won: 25.9 (€77.8K)');
    expect(tableRows(el).map((r) => r[1])).to.deep.equal(['1,000', '300', '150', '30', '25.9']);
  });
});

describe('<sales-funnel> awkward data', () => {
  const cases: Record<string, { name: string; value: number | null }[]> = {
    zero: [
      { name: 'A', value: 100 },
      { name: 'B', value: 0 },
      { name: 'C', value: 0 },
    ],
    missing: [
      { name: 'A', value: 100 },
      { name: 'B', value: null },
      { name: 'C', value: 20 },
    ],
    increasing: [
      { name: 'A', value: 100 },
      { name: 'B', value: 40 },
      { name: 'Repeat', value: 90 },
    ],
    single: [{ name: 'Only', value: 5 }],
    thirty: Array.from({ length: 30 }, (_, i) => ({ name: `Stage ${i + 1}`, value: 30 - i })),
    billion: [
      { name: 'Visits', value: 1e9 },
      { name: 'Carts', value: 3e6 },
      { name: 'Orders', value: 7 },
    ],
  };
  for (const [label, data] of Object.entries(cases)) {
    it(`draws ${label} data without NaN`, async () => {
      const el = await fixture<SalesFunnel>(
        html`<sales-funnel lang="en" .stages=${data}></sales-funnel>`,
      );
      expect(bands(el)).to.have.length(data.length);
      for (const p of chart(el)!.querySelectorAll('path')) {
        expect(p.getAttribute('d')).to.match(/^M[\d.\s\-LCZ]+$/);
      }
      expect(root(el).textContent).not.to.contain('NaN');
      expect(errorText(el)).to.equal('');
    });
  }
});
