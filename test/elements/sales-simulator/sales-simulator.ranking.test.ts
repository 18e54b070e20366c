import { expect } from '@open-wc/testing';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import { formatMoney, formatNumber, formatPercent } from '../../../src/model/format.js';
import { sensitivity } from '../../../src/sim/index.js';
import { make, SCENARIO } from './fixtures.js';
import { byLabel, byRole, rows, textOf, typeInto } from './queries.js';

const table = (el: SalesSimulator) => byRole(el, 'table', 'Where an improvement pays off');
const sentence = (el: SalesSimulator) =>
  textOf(byRole(el, 'heading', 'Where an improvement pays off').nextElementSibling);
const name = (l: { kind: string; name: string }) => (l.kind === 'leads' ? 'Leads' : l.name);
const signed = (v: number) =>
  (v > 0 ? '+' : v < 0 ? '\u2212' : '') + formatNumber(Math.abs(v), 'en');

describe('<sales-simulator> improvement ranking', () => {
  it('ranks levers as sensitivity() does and says the top one in a sentence', async () => {
    const el = await make();
    const ranking = sensitivity(SCENARIO, { points: 0.05, leadsRelative: 0.1 });
    const shown = rows(table(el));
    expect(shown.map((r) => r[0])).to.deep.equal(ranking.levers.map(name));
    expect(shown[0][2]).to.equal(`+${formatNumber(ranking.levers[0].extraWon, 'en')}`);
    const top = ranking.levers[0];
    expect(sentence(el)).to.equal(
      `Improve ${top.name} first: from ${formatPercent(top.from, 'en')} to ${formatPercent(top.to, 'en')} it brings ${formatNumber(top.extraWon, 'en')} more won deals (${formatMoney(top.extraRevenue, 'en', 'EUR', true)}) per period.`,
    );

    await typeInto(el, byLabel(el, 'Improvement per stage (points)'), '10');
    const wider = sensitivity(SCENARIO, { points: 0.1, leadsRelative: 0.1 });
    expect(rows(table(el))[0][2]).to.equal(`+${formatNumber(wider.levers[0].extraWon, 'en')}`);
  });

  it('draws each lever in the tornado, its gain from +Δ and its loss from −Δ, both from sensitivity()', async () => {
    const el = await make();
    const chart = byRole(
      el,
      'img',
      'Change in won deals from −5 pp and +5 pp at each stage, and ±10% leads',
    );
    const up = sensitivity(SCENARIO, { points: 0.05, leadsRelative: 0.1 }).levers;
    // The opposite move, asked of the engine the other way round: the same as its downside.
    const down = sensitivity(SCENARIO, { points: -0.05, leadsRelative: -0.1 }).levers;
    // One row per lever, widest gain first, each with its label and its two changes.
    const drawn = [...chart.querySelectorAll('text')].map(textOf);
    const expected = [...up]
      .sort((a, b) => b.extraWon - a.extraWon)
      .flatMap((l) => {
        const loss = l.downExtraWon;
        expect(loss, name(l)).to.be.lessThan(0);
        expect(loss, name(l)).to.be.closeTo(down.find((d) => d.index === l.index)!.extraWon, 1e-9);
        return [name(l), signed(loss), signed(l.extraWon)];
      });
    expect(drawn).to.deep.equal(expected);
    expect(drawn).to.have.length(3 * 4);
  });

  it('ranks by return when a cost per point is given', async () => {
    const el = await make();
    await typeInto(el, byLabel(el, 'Cost of one point (optional)'), '1000');
    const ranking = sensitivity(SCENARIO, { points: 0.05, leadsRelative: 0.1, costPerPoint: 1000 });
    expect(rows(table(el)).map((r) => r[0])).to.deep.equal(ranking.levers.map(name));
    expect(sentence(el)).to.contain('Best return');
    expect(rows(table(el))[0][4]).to.equal(
      `${formatNumber(ranking.levers[0].returnPerCost!, 'en', 2)}×`,
    );
  });

  it('uses one money format for the whole extra-revenue column', async () => {
    // Extra revenue from €8,000 (first stage) to €12,000 (last stage) at +5 points.
    const scenario = { ...SCENARIO, dealValue: 800 };
    const el = await make({ scenario });
    const compact = new Intl.NumberFormat('en', {
      style: 'currency',
      currency: 'EUR',
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    const levers = sensitivity(scenario, { points: 0.05, leadsRelative: 0.1 }).levers;
    expect(Math.min(...levers.map((l) => l.extraRevenue))).to.be.lessThan(10_000);
    expect(Math.max(...levers.map((l) => l.extraRevenue))).to.be.at.least(10_000);
    expect(rows(table(el)).map((r) => r[3])).to.deep.equal(
      levers.map((l) => compact.format(l.extraRevenue)),
    );
  });

  it("hands the improvement step to the embedded funnel's payoff", async () => {
    const el = await make();
    const funnel = el.shadowRoot!.querySelector<HTMLElement & { payoffPoints?: number }>(
      'sales-funnel',
    )!;
    expect(funnel.payoffPoints).to.equal(0.05);
    await typeInto(el, byLabel(el, 'Improvement per stage (points)'), '10');
    expect(funnel.payoffPoints).to.equal(0.1);
  });
});
