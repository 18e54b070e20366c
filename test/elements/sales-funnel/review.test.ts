import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../../src/elements/sales-funnel/define.js';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import type { ErrorEventDetail } from '../../../src/elements/events.js';
import { STRINGS } from '../../../src/elements/i18n.js';

/** 1000 leads × 0.3 × 0.5 × 0.2 × 0.8646 = 25.938 won; stage 3 (Close) is the sale. */
const SCENARIO = {
  leads: 1000,
  dealValue: 3000,
  wonStage: 3,
  stages: [
    { name: 'Prospecting', rate: 0.3 },
    { name: 'Qualify', rate: 0.5 },
    { name: 'Offer', rate: 0.2 },
    { name: 'Close', rate: 0.8646 },
    { name: 'Follow-up', rate: 0.9 },
  ],
};
const STAGES = [
  { name: 'Leads', value: 1200 },
  { name: 'Qualified', value: 600 },
  { name: 'Won', value: 90 },
];

const root = (el: SalesFunnel) => el.shadowRoot!;
const labelText = (el: SalesFunnel) =>
  [...root(el).querySelectorAll('text.label')].map((t) => t.textContent!.replace(/\s+/g, ' '));
const headers = (el: SalesFunnel) =>
  [...root(el).querySelectorAll('thead th')].map((c) => c.textContent!.trim());
const tableRows = (el: SalesFunnel) =>
  [...root(el).querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((c) => c.textContent!.trim()),
  );
const caption = (el: SalesFunnel) => root(el).querySelector('[part="caption"]')?.textContent ?? '';
const tooltip = (el: SalesFunnel) => root(el).querySelector('[part="tooltip"]');
const stageEls = (el: SalesFunnel) => [...root(el).querySelectorAll<SVGGElement>('.stage')];

/** An element whose `error` listener is attached before it renders. */
async function withError(setup: (el: SalesFunnel) => void) {
  const el = document.createElement('sales-funnel');
  el.lang = 'en';
  const warn = console.warn;
  const warnings: unknown[][] = [];
  console.warn = (...args: unknown[]) => warnings.push(args);
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error);
  window.addEventListener('error', onError);
  try {
    const event = oneEvent(el, 'error') as Promise<CustomEvent<ErrorEventDetail>>;
    setup(el);
    document.body.append(el);
    const { detail } = await event;
    await el.updateComplete;
    return { el, detail, warnings, errors };
  } finally {
    console.warn = warn;
    window.removeEventListener('error', onError);
  }
}

afterEach(async () => {
  document.querySelectorAll('body > sales-funnel').forEach((e) => e.remove());
  await resetMouse();
});

describe('<sales-funnel> bad options', () => {
  const cases: [string, string, string][] = [
    ['currency', 'xx', 'currency must be a 3-letter ISO 4217 currency code'],
    ['deal-value', '-5', 'deal-value cannot be negative (-5).'],
    ['deal-value', 'abc', 'deal-value must be a finite number, not abc.'],
    ['orientation', 'diagonal', 'orientation must be horizontal or vertical, not “diagonal”.'],
    ['shape', 'round', 'shape must be straight or curved, not “round”.'],
    ['payoff-points', '5', 'payoff-points must be between 0 and 1'],
  ];
  for (const [attr, value, message] of cases) {
    it(`shows a message and fires error for ${attr}="${value}"`, async () => {
      const { el, detail, warnings } = await withError((e) => {
        e.setAttribute('stages', JSON.stringify(STAGES));
        e.setAttribute(attr, value);
      });
      expect(detail.field).to.equal(attr);
      expect(detail.message).to.contain(message);
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain(message);
      expect(warnings).to.have.length(1);
      // Fixed, it draws.
      el.removeAttribute(attr);
      await el.updateComplete;
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
      expect(tableRows(el)).to.have.length(3);
    });
  }

  it('never throws for a bad currency, in Spanish too', async () => {
    const { el, errors } = await withError((e) => {
      e.lang = 'es';
      e.currency = 'xx';
      e.scenario = SCENARIO;
    });
    expect(errors).to.deep.equal([]);
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain(
      'currency debe ser un código de moneda ISO 4217',
    );
  });
});

describe('<sales-funnel> money and the won boundary', () => {
  it('gives the revenue to the won stage only, marked as won', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .scenario=${SCENARIO}></sales-funnel>`,
    );
    const text = labelText(el);
    // No band but the sale's shows money.
    text.forEach((t, i) => expect(t.includes('€'), t).to.equal(i === 3));
    expect(text[3]).to.contain('✓ 25.9 won · €77.8K');
    expect(root(el).querySelectorAll('.won-tick')).to.have.length(1);
    expect(headers(el)).to.include('Revenue');
    expect(tableRows(el).map((r) => r[4])).to.deep.equal(['—', '—', '—', '€77,814', '—']);
  });

  it('calls money from counts and a deal value "value if won", off the labels', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" deal-value="0.25" .stages=${STAGES}></sales-funnel>`,
    );
    expect(labelText(el).join(' ')).not.to.contain('€');
    expect(headers(el)).to.include('Value if won');
    // One money format in the column: cents everywhere, or nowhere.
    expect(tableRows(el).map((r) => r[4])).to.deep.equal(['€300.00', '€150.00', '€22.50']);
    expect(root(el).querySelector('.won-tick')).to.equal(null);
  });
});

describe('<sales-funnel> expected counts', () => {
  it('gives fractional expected counts below 100 one decimal, as the simulator does', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .scenario=${SCENARIO}></sales-funnel>`,
    );
    expect(caption(el)).to.contain('Expected won: 25.9 (€77.8K)');
    expect(tableRows(el).map((r) => r[1])).to.deep.equal(['1,000', '300', '150', '30', '25.9']);
  });

  it('takes the payoff step from payoff-points and hides it with no-payoff', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" payoff-points="0.1" .scenario=${SCENARIO}></sales-funnel>`,
    );
    expect(caption(el)).to.match(/by \+10 pp pays off most/);
    el.toggleAttribute('no-payoff', true);
    await el.updateComplete;
    expect(caption(el)).not.to.contain('pays off');
    expect(root(el).querySelector('.stage.payoff')).to.equal(null);
  });
});

describe('<sales-funnel> tooltip and focus', () => {
  it('dismisses the tooltip with Escape', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .stages=${STAGES}></sales-funnel>`,
    );
    stageEls(el)[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(tooltip(el)).not.to.equal(null);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(tooltip(el)).to.equal(null);
    expect(root(el).activeElement).to.equal(stageEls(el)[1]);
  });

  it('lets the tooltip go when the pointer leaves after a click', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .stages=${STAGES}></sales-funnel>`,
    );
    const box = stageEls(el)[1].getBoundingClientRect();
    const at: [number, number] = [Math.round(box.x + box.width / 2), Math.round(box.bottom - 4)];
    await sendMouse({ type: 'click', position: at });
    await el.updateComplete;
    expect(tooltip(el)).not.to.equal(null);
    await sendMouse({
      type: 'move',
      position: [2, Math.round(el.getBoundingClientRect().bottom + 40)],
    });
    await el.updateComplete;
    expect(tooltip(el)).to.equal(null);
  });

  it('draws a focus ring unlike the best-improvement outline', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .scenario=${SCENARIO}></sales-funnel>`,
    );
    const payoff = root(el).querySelector<SVGGElement>('.stage.payoff')!;
    const band = payoff.querySelector('.band')!;
    const before = getComputedStyle(band);
    const [width, dash] = [parseFloat(before.strokeWidth), before.strokeDasharray];
    stageEls(el)[0].focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Home' });
    for (let i = 0; i < stageEls(el).indexOf(payoff); i++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(payoff);
    const focused = getComputedStyle(band);
    expect(parseFloat(focused.strokeWidth)).to.be.greaterThan(width + 0.5);
    expect(focused.strokeDasharray).not.to.equal(dash);
  });
});

describe('<sales-funnel> texts', () => {
  it('says "vs." in the element language', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel
        lang="es"
        .stages=${STAGES}
        .compare=${STAGES.map((s) => ({ ...s, value: s.value / 2 }))}
        compare-label="T2"
      ></sales-funnel>`,
    );
    expect(labelText(el)[0]).to.contain('frente a T2').and.not.contain('vs.');
  });

  it('speaks Spanish with leads, ganadas and usted', () => {
    const es = Object.values(STRINGS.es).join(' ');
    expect(es).not.to.match(/contacto/i);
    expect(es).to.contain('ganadas');
    expect(es).not.to.match(/\b(elige|tienes|puedes|tu)\b/i);
  });
});

describe('<sales-funnel> work per update', () => {
  it('does not lay out again when only the tooltip or focus changes', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .stages=${STAGES}></sales-funnel>`,
    );
    // The first size observation lays out once more; let it land.
    await aTimeout(100);
    await el.updateComplete;
    const original = window.getComputedStyle;
    let calls = 0;
    window.getComputedStyle = function (...args: Parameters<typeof getComputedStyle>) {
      if (args[0] === el) calls++;
      return original.apply(window, args);
    };
    try {
      stageEls(el)[0].focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(calls).to.equal(0);
      // A data change does lay out (and measures the font) again.
      el.stages = STAGES.slice(0, 2);
      await el.updateComplete;
      expect(calls).to.equal(1);
    } finally {
      window.getComputedStyle = original;
    }
  });
});

describe('<sales-funnel> beside a hostile page', () => {
  it('keeps its own box sizing when the page unsets everything', async () => {
    const hostile = document.createElement('style');
    hostile.textContent =
      '* { all: unset } sales-funnel { box-sizing: content-box; padding: 30px }';
    document.head.append(hostile);
    try {
      const wrap = await fixture<HTMLDivElement>(
        html`<div style="display: block; width: 400px">
          <sales-funnel .stages=${STAGES}></sales-funnel>
        </div>`,
      );
      const el = wrap.querySelector('sales-funnel')!;
      await el.updateComplete;
      const base = root(el).querySelector('.base')!;
      expect(getComputedStyle(base).boxSizing).to.equal('border-box');
      const outer = wrap.getBoundingClientRect();
      expect(base.getBoundingClientRect().right).to.be.at.most(outer.right + 1);
      expect(root(el).querySelector('svg')!.getBoundingClientRect().right).to.be.at.most(
        outer.right + 1,
      );
    } finally {
      hostile.remove();
    }
  });
});
