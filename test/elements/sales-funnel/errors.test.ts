import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { SalesErrorEvent } from '../../../src/elements/events.js';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { SCENARIO, STAGES, bands, chart, errorText, tableRows, withError } from './helpers.js';

afterEach(() => {
  document.querySelectorAll('body > sales-funnel').forEach((e) => e.remove());
});

describe('<sales-funnel> bad data', () => {
  it('shows a message in place of the chart, warns once and fires error for malformed JSON', async () => {
    const { el, detail, warnings } = await withError((e) =>
      e.setAttribute('stages', '[{"name": "Leads", "value": 12'),
    );
    expect(detail.field).to.equal('stages');
    expect(detail.message).to.contain('JSON');
    expect(errorText(el)).to.contain('The funnel cannot be drawn (stages)').and.contain('JSON');
    expect(chart(el)).to.equal(null);
    expect(warnings).to.have.length(1);
    // Updates after it say nothing more.
    const stub = sinon.stub(console, 'warn');
    try {
      el.requestUpdate();
      await el.updateComplete;
      expect(stub.callCount).to.equal(0);
    } finally {
      stub.restore();
    }
  });

  it('names the field of a rate of 3.5', async () => {
    const bad = { ...SCENARIO, stages: [{ name: 'A', rate: 3.5 }] };
    const { el, detail } = await withError((e) => {
      e.lang = 'en';
      e.scenario = bad;
    });
    expect(detail.field).to.equal('scenario');
    expect(detail.message).to.contain('scenario.stages[0].rate');
    expect(errorText(el)).to.contain('Stage 1 (A): the conversion rate must be between 0 and 1');
  });

  it('rejects a negative count and an unknown preset, in Spanish too', async () => {
    const neg = await withError((e) => {
      e.stages = [
        { name: 'A', value: 10 },
        { name: 'B', value: -5 },
      ];
    });
    expect(neg.detail.message).to.contain('stages[1].value');
    const unknown = await withError((e) => {
      e.lang = 'es';
      e.preset = 'nope';
    });
    expect(unknown.detail.field).to.equal('preset');
    expect(errorText(unknown.el)).to.contain('No existe');
  });

  it('recovers when the input is fixed, and the page keeps working', async () => {
    const { el } = await withError((e) => e.setAttribute('scenario', '{oops'));
    el.setAttribute('scenario', JSON.stringify(SCENARIO));
    await el.updateComplete;
    expect(errorText(el)).to.equal('');
    expect(bands(el)).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('shows a bad input at once: updateComplete waits for the error texts', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .stages=${STAGES}></sales-funnel>`,
    );
    const warn = sinon.stub(console, 'warn');
    try {
      const events: SalesErrorEvent[] = [];
      el.addEventListener('error', (e) => events.push(e));
      el.scenario = { ...SCENARIO, leads: -1 };
      el.stages = undefined;
      await el.updateComplete;
      expect(errorText(el)).to.contain('The leads per period cannot be negative (-1).');
      expect(events.map((e) => e.detail)).to.deep.equal([
        { field: 'scenario', message: 'scenario.leads cannot be negative (-1).' },
      ]);
      // The texts follow the language without another load, and without another report.
      el.lang = 'es';
      await el.updateComplete;
      expect(errorText(el)).to.contain(
        'El número de leads por periodo no puede ser negativo (-1).',
      );
      expect(events).to.have.length(1);
      expect(warn.callCount).to.equal(1);
    } finally {
      warn.restore();
    }
  });
});

/** A scenario's JSON text with `n` unknown keys after its own (about 20 characters each). */
const withUnknownKeys = (n: number) =>
  `${JSON.stringify(SCENARIO).slice(0, -1)}${Array.from({ length: n }, (_, i) => `,"dealVal${i}":${i}`).join('')}}`;

describe('<sales-funnel> reads a large attribute once', () => {
  for (const field of ['scenario', 'compare'] as const) {
    it(`parses a ${field} text once, though its reader loads after it is parsed`, async () => {
      // About 1 MB: every parse of it builds an object of 48,000 keys.
      const text = withUnknownKeys(48_000);
      const parse = sinon.spy(JSON, 'parse');
      const warn = sinon.stub(console, 'warn');
      try {
        const el = document.createElement('sales-funnel');
        el.lang = 'en';
        if (field === 'compare') el.stages = STAGES;
        el.setAttribute(field, text);
        document.body.append(el);
        await el.updateComplete;
        expect(errorText(el)).to.contain(`“dealVal0” is not a known field`);
        expect(parse.getCalls().filter((c) => c.args[0] === text)).to.have.length(1);
      } finally {
        parse.restore();
        warn.restore();
      }
    });
  }
});

describe('<sales-funnel> bad options', () => {
  // Each is said in place (the chart is drawn with the default), logged once, fired once.
  const cases: [string, string, string][] = [
    ['currency', 'xx', 'currency must be a 3-letter ISO 4217 currency code'],
    ['deal-value', '-5', 'deal-value must be a number from 0 to'],
    ['deal-value', 'abc', 'not “abc”; 0 is used.'],
    ['orientation', 'diagonal', 'orientation must be one of vertical, horizontal, not “diagonal”'],
    ['shape', 'round', 'shape must be one of straight, curved, not “round”; straight is used.'],
    ['payoff-points', '5', 'payoff-points must be a number from 0.01 to 1, not “5”'],
    ['theme', 'blue', 'theme must be one of light, dark, auto, not “blue”; the default is used.'],
  ];
  for (const [attr, value, message] of cases) {
    it(`says so in place and fires error for ${attr}="${value}", drawing with the default`, async () => {
      const { el, detail, warnings } = await withError((e) => {
        e.lang = 'en';
        e.setAttribute('stages', JSON.stringify(STAGES.slice(0, 3)));
        e.setAttribute(attr, value);
      });
      expect(detail.field).to.equal(attr);
      expect(detail.message).to.contain(message);
      expect(errorText(el)).to.contain(message);
      expect(warnings).to.have.length(1);
      expect(tableRows(el)).to.have.length(3);
      // Fixed, the message goes.
      el.removeAttribute(attr);
      await el.updateComplete;
      expect(errorText(el)).to.equal('');
      expect(tableRows(el)).to.have.length(3);
    });
  }

  it('never throws for a bad currency, in Spanish too', async () => {
    const { el, pageErrors } = await withError((e) => {
      e.lang = 'es';
      e.currency = 'xx';
      e.scenario = SCENARIO;
    });
    expect(pageErrors).to.deep.equal([]);
    expect(errorText(el)).to.contain('currency debe ser un código de moneda ISO 4217');
    // The money falls back to euros.
    expect(tableRows(el)[2][4]).to.contain('€');
  });

  it('words an option problem in the element language, reported once', async () => {
    const { el, detail } = await withError((e) => {
      e.lang = 'en';
      e.stages = STAGES;
      e.setAttribute('shape', 'round');
    });
    const more: SalesErrorEvent[] = [];
    el.addEventListener('error', (e) => more.push(e));
    el.lang = 'es';
    await el.updateComplete;
    expect(detail.message).to.contain('straight is used');
    expect(errorText(el)).to.contain('shape debe ser uno de estos valores: straight, curved');
    expect(more).to.have.length(0);
  });
});
