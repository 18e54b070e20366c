import { expect } from '@open-wc/testing';
import { SIMULATOR_STRINGS } from '../../../../src/elements/sales-simulator/strings.js';
import {
  funnelInput,
  observedText,
  presetOptions,
  revealText,
  SimulatorViewModel,
  summaryText,
  type ViewInput,
} from '../../../../src/elements/sales-simulator/model/view-model.js';
import {
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
} from '../../../../src/model/format.js';
import { getPreset, localizeScenario } from '../../../../src/model/presets.js';
import type { Scenario } from '../../../../src/model/types.js';
import type { SavedScenario } from '../../../../src/store/records.js';
import { SCENARIO } from '../fixtures.js';
import { diagnose, leadsNeeded, project, sensitivity } from '../../../../src/sim/index.js';

const en = SIMULATOR_STRINGS.en;

function input(change: Partial<ViewInput> = {}): ViewInput {
  return {
    scenario: SCENARIO,
    baseline: SCENARIO,
    lang: 'en',
    text: en,
    plan: { deltaPoints: 5, leadsPercent: 10 },
    target: { kind: 'won', stage: 0 },
    benchmark: 'pipeline-7',
    ...change,
  };
}

const derive = (change: Partial<ViewInput> = {}) => new SimulatorViewModel().derive(input(change));
const withRate = (s: Scenario, i: number, rate: number): Scenario => ({
  ...s,
  stages: s.stages.map((st, j) => (j === i ? { ...st, rate } : st)),
});

describe('simulator view model', () => {
  it('gives the headline figures from project(), with their change from the baseline', () => {
    const scenario = withRate(SCENARIO, 2, 0.45);
    const v = derive({ scenario });
    const p = project(scenario);
    const b = project(SCENARIO);
    expect(v.changed).to.equal(true);
    expect(v.figures.map((f) => f.id)).to.deep.equal([
      'won',
      'revenue',
      'conversion',
      'cac',
      'ltv-cac',
    ]);
    const [won, revenue, conversion, cac] = v.figures;
    expect(won).to.deep.equal({
      id: 'won',
      label: 'Won deals',
      value: formatNumber(p.won, 'en'),
      delta: { text: `+${formatNumber(p.won - b.won, 'en')} vs. baseline`, direction: 'up' },
    });
    expect(revenue.value).to.equal(formatMoney(p.revenue, 'en', 'EUR', true));
    expect(conversion.delta!.text).to.equal(
      `+${formatNumber((p.overallConversion - b.overallConversion) * 100, 'en', 2)} pp vs. baseline`,
    );
    // A lower CAC is a real minus sign, and "down".
    expect(cac.delta).to.deep.equal({
      text: `\u2212${formatMoney(b.cac! - p.cac!, 'en', 'EUR', true)} vs. baseline`,
      direction: 'down',
    });
  });

  it('says "as baseline" for no change, and nothing for one that rounds to zero', () => {
    expect(derive().figures[0].delta).to.deep.equal({ text: 'as baseline', direction: 'same' });
    const tiny = derive({ scenario: withRate(SCENARIO, 2, 0.40001) });
    expect(tiny.figures[0].delta).to.equal(undefined);
    const noCost = { ...SCENARIO };
    delete noCost.costPerLead;
    expect(derive({ scenario: noCost, baseline: noCost }).figures.map((f) => f.id)).to.deep.equal([
      'won',
      'revenue',
      'conversion',
    ]);
  });

  it('describes each stage: its label, its spoken value, after the sale, and its observation', () => {
    const scenario: Scenario = {
      ...SCENARIO,
      wonStage: 1,
      stages: [
        { name: 'Contact', rate: 21 / 42, observed: { won: 20, of: 40 } },
        { name: '', rate: 0.5 },
        { name: 'Follow-up', rate: 0.4 },
      ],
    };
    const rows = derive({ scenario, baseline: scenario }).stages;
    expect(rows.map((r) => r.label)).to.deep.equal(['Contact', 'Name of stage 2', 'Follow-up']);
    expect(rows.map((r) => r.afterSale)).to.deep.equal([false, false, true]);
    expect(rows[0].valueText).to.equal('50%: 500 of 1,000 go on');
    expect(rows[0].observed).to.equal('Observed: 20 of 40 decided deals went on (50%)');
    expect(rows[1].observed).to.equal(undefined);
    expect(observedText({ won: 62, of: 94 }, 'es', SIMULATOR_STRINGS.es)).to.equal(
      `Observado: 62 de 94 oportunidades decididas avanzaron (${formatPercent(62 / 94, 'es')})`,
    );
    expect(observedText({ won: 62, of: 94 }, 'en', en)).to.equal(
      'Observed: 62 of 94 decided deals went on (66%)',
    );
    expect(observedText({ won: 0, of: 0 }, 'en', en)).to.equal('Observed: no decided deals yet');
  });

  it('ranks the levers as sensitivity() does, and draws the tornado from it both ways', () => {
    const v = derive();
    const up = sensitivity(SCENARIO, { points: 0.05, leadsRelative: 0.1 });
    const down = sensitivity(SCENARIO, { points: -0.05, leadsRelative: -0.1 });
    expect(v.ranking.rows.map((r) => r.name)).to.deep.equal(
      up.levers.map((l) => (l.kind === 'leads' ? 'Leads' : l.name)),
    );
    expect(v.ranking.rows[0].won).to.equal(`+${formatNumber(up.levers[0].extraWon, 'en')}`);
    expect(v.ranking.rows.find((r) => r.name === 'Leads')!.change).to.equal('1,000 → 1,100');
    const byLabel = new Map(v.ranking.tornado.map((r) => [r.label, r]));
    for (const l of up.levers) {
      const row = byLabel.get(l.kind === 'leads' ? 'Leads' : l.name)!;
      expect(row.up).to.equal(l.extraWon);
      expect(row.down).to.equal(l.downExtraWon);
      expect(row.down).to.be.closeTo(down.levers.find((d) => d.index === l.index)!.extraWon, 1e-9);
    }
    // −10 % leads loses exactly 10 % of the won deals.
    expect(byLabel.get('Leads')!.down).to.be.closeTo(-0.1 * project(SCENARIO).won, 1e-9);
    const ups = v.ranking.tornado.map((r) => r.up);
    expect(ups).to.deep.equal([...ups].sort((a, b) => b - a));
    expect(v.ranking.tornadoLabel).to.equal(
      'Change in won deals from −5 pp and +5 pp at each stage, and ±10% leads',
    );
    expect(v.ranking.withCost).to.equal(false);
  });

  it('ranks by return with a cost per point, and says the best return', () => {
    const v = derive({ plan: { deltaPoints: 5, leadsPercent: 10, costPerPoint: 1000 } });
    const r = sensitivity(SCENARIO, { points: 0.05, leadsRelative: 0.1, costPerPoint: 1000 });
    expect(v.ranking.withCost).to.equal(true);
    expect(v.ranking.rows.map((row) => row.ret)).to.deep.equal(
      r.levers.map((l) => `${formatNumber(l.returnPerCost!, 'en', 2)}×`),
    );
    const top = r.levers[0];
    expect(v.ranking.sentence).to.equal(
      `Best return: ${top.kind === 'leads' ? 'Leads' : top.name}, ${formatNumber(top.returnPerCost!, 'en', 2)} in revenue for each unit spent.`,
    );
  });

  it('says when no lever adds a won deal, and when leads come first', () => {
    const none = { ...SCENARIO, leads: 0 };
    expect(derive({ scenario: none, baseline: none }).ranking.sentence).to.equal(en.noGain);
    const full = { ...SCENARIO, stages: SCENARIO.stages.map((s) => ({ ...s, rate: 1 })) };
    expect(derive({ scenario: full, baseline: full }).ranking.sentence).to.match(
      /^Get more leads first: 10% more leads bring 100 more won deals/,
    );
  });

  it('answers the target from leadsNeeded() and rateNeeded(), 20 % over the baseline by default', () => {
    const scenario = withRate(SCENARIO, 0, 0.7);
    const v = derive({ scenario });
    const goal = Math.ceil(project(SCENARIO).won * 1.2);
    expect(v.target.goal).to.equal(goal);
    const r = leadsNeeded(localizeScenario(scenario, 'en'), { won: goal }, { confidence: 0.9 });
    expect(v.target.expected).to.equal(
      `Leads needed on average: ${formatInteger(r.expected!, 'en')}`,
    );
    expect(v.target.confident).to.equal(
      `Leads for a 90% chance of reaching it: ${formatInteger(r.atConfidence!, 'en')}`,
    );
    const revenue = derive({ target: { kind: 'revenue', value: 1e12, stage: 9 } }).target;
    expect(revenue.stage).to.equal(2);
    expect(revenue.stageText).to.equal('Close alone cannot reach it, even at 100 %.');
    const unreachable = derive({ scenario: withRate(SCENARIO, 1, 0) }).target;
    expect(unreachable.reachable).to.equal(false);
    expect(unreachable.expected).to.equal(undefined);
  });

  it('diagnoses against the benchmark asked for, the default one for an unknown id', () => {
    const view = localizeScenario(SCENARIO, 'en');
    expect(derive({ benchmark: 'saas-b2b' }).diagnosis).to.deep.equal({
      benchmark: 'saas-b2b',
      ...(({ message, onPar }) => ({ message, onPar }))(
        diagnose(view, getPreset('saas-b2b')!.scenario, 'en'),
      ),
    });
    expect(derive({ benchmark: 'nope' }).diagnosis.benchmark).to.equal('pipeline-7');
  });

  it('derives a section again only when one of its inputs changed', () => {
    const vm = new SimulatorViewModel();
    const first = vm.derive(input());
    // A re-render with the same inputs (a status line, a typed name): nothing is derived again.
    const again = vm.derive(input());
    for (const key of ['figures', 'stages', 'ranking', 'target', 'diagnosis'] as const)
      expect(again[key], key).to.equal(first[key]);
    // Another step for the ranking: only the ranking.
    const plan = vm.derive(input({ plan: { deltaPoints: 10, leadsPercent: 10 } }));
    expect(plan.ranking).to.not.equal(first.ranking);
    expect(plan.figures).to.equal(first.figures);
    expect(plan.target).to.equal(first.target);
    // Another scenario: everything that depends on it.
    const edited = vm.derive(input({ scenario: withRate(SCENARIO, 0, 0.5) }));
    for (const key of ['figures', 'stages', 'ranking', 'target', 'diagnosis'] as const)
      expect(edited[key], key).to.not.equal(plan[key]);
  });

  it('compares two scenarios, saved or in effect', () => {
    const vm = new SimulatorViewModel();
    const v = vm.derive(input());
    const other = { ...SCENARIO, leads: 2000 };
    const saved: SavedScenario[] = [
      { id: 'b', name: 'Plan B', pipelineId: null, scenario: other, createdAt: 0, updatedAt: 0 },
    ];
    const c = vm.compare(saved, ['b', ''], v, 'en', en);
    expect(c.labels).to.deep.equal([
      'Leads per period',
      'Overall conversion',
      'Won deals',
      'Revenue',
      'CAC',
      'LTV:CAC',
    ]);
    expect(c.a.name).to.equal('Plan B');
    expect(c.a.values[0]).to.equal('2,000');
    expect(c.a.values[2]).to.equal(formatNumber(project(other).won, 'en'));
    expect(c.b.name).to.equal('Current (unsaved)');
    expect(c.b.values[0]).to.equal('1,000');
    // A saved id that is gone compares the scenario in effect.
    expect(vm.compare([], ['b', ''], v, 'en', en).a.name).to.equal('Current (unsaved)');
  });

  it('words the spoken summary, the reveal status and what the funnel draws', () => {
    const scenario = withRate(SCENARIO, 1, 0.51);
    const v = derive({ scenario });
    const d = project(scenario).won - project(SCENARIO).won;
    expect(summaryText(v, 'en', en)).to.equal(
      `Won deals ${formatNumber(project(scenario).won, 'en')}, +${formatNumber(d, 'en')}`,
    );
    expect(summaryText(derive(), 'en', en)).to.equal(
      `Won deals ${formatNumber(project(SCENARIO).won, 'en')}, as baseline`,
    );
    expect(revealText({ revealed: 2, selected: 1 }, v.scenario, 'en', en)).to.equal(
      'Showing 2 of 3 stages · Selected: Demo at 51%',
    );
    expect(funnelInput(v, scenario, SCENARIO, 3)).to.deep.equal({ scenario, compare: SCENARIO });
    expect(funnelInput(derive(), SCENARIO, SCENARIO, 3)).to.deep.equal({ scenario: SCENARIO });
    const cut = funnelInput(v, scenario, SCENARIO, 2);
    expect(cut.stages).to.deep.equal([
      { name: 'Contact', value: 1000 },
      { name: 'Demo', value: 600 },
    ]);
    expect(cut.compare).to.deep.equal([
      { name: 'Contact', value: 1000 },
      { name: 'Demo', value: 600 },
    ]);
    expect(presetOptions('es')[0]).to.deep.equal({
      id: 'pipeline-7',
      title: getPreset('pipeline-7')!.title.es,
    });
  });
});
