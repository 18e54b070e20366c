import {
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
} from '../../../model/format.js';
import { getPreset, localizeScenario, PRESET_IDS } from '../../../model/presets.js';
import type { Lang, Scenario, StageCount } from '../../../model/types.js';
import { parseScenario } from '../../../model/validate.js';
// The unchecked engine: every scenario here was validated once, as it arrived.
import { diagnoseUnchecked as diagnose } from '../../../sim/diagnosis.js';
import { projectUnchecked as project, type Projection } from '../../../sim/project.js';
import {
  rateNeededUnchecked as rateNeeded,
  sensitivityUnchecked as sensitivity,
  type Lever,
  type Sensitivity,
} from '../../../sim/sensitivity.js';
import { leadsNeededUnchecked as leadsNeeded } from '../../../sim/targets.js';
import type { SavedScenario } from '../../../store/records.js';
import { t } from '../../i18n.js';
import { formatRate, moneyColumn } from './figures.js';
import { Memo } from './memo.js';
import type { SimulatorStrings } from '../strings.js';
import type { TornadoRow } from './tornado.js';

/*
 * Everything the simulator shows, as data: `(scenario, baseline, options, lang) → figures with
 * their change from the baseline, the stages, the improvement ranking and its tornado, the
 * target, the diagnosis and the comparison of two scenarios`, from the engine in `src/sim` and
 * worded in the strings of the moment. Pure: no DOM, no Lit.
 */

/** The preset the simulator starts from, and compares with, when none is named. */
export const DEFAULT_PRESET = 'pipeline-7';

/** The confidence the target's second figure is given at. */
export const CONFIDENCE = 0.9;

/** How the improvement ranking is asked: +Δ points per stage, +x % leads, the cost of a point. */
export interface PlanOptions {
  /** Rate points added to a stage (5 = +5 points). */
  deltaPoints: number;
  /** Percent more leads (10 = +10 %). */
  leadsPercent: number;
  costPerPoint?: number;
}

export interface TargetOptions {
  kind: 'won' | 'revenue';
  /** The target per period; by default 20 % over the baseline. */
  value?: number;
  /** The stage whose rate alone should reach it. */
  stage: number;
}

export interface ViewInput {
  /** The scenario in effect (valid). */
  scenario: Scenario;
  /** The scenario drawn alongside, that changes are measured from. */
  baseline: Scenario;
  lang: Lang;
  text: SimulatorStrings;
  plan: PlanOptions;
  target: TargetOptions;
  /** The preset id the diagnosis compares with. */
  benchmark: string;
}

/** A change from the baseline, worded: "+0.4 vs. baseline", or "as baseline". */
export interface Delta {
  text: string;
  direction: 'up' | 'down' | 'same';
}

export type FigureId = 'won' | 'revenue' | 'conversion' | 'cac' | 'ltv-cac';

export interface Figure {
  id: FigureId;
  label: string;
  value: string;
  /** Absent when the change shows as zero at the figure's precision but is not zero. */
  delta?: Delta;
}

export interface StageRow {
  index: number;
  /** The name in the scenario, in the language of the moment (may be empty while typed). */
  name: string;
  /** The name, or "Name of stage n" when there is none: what its buttons are named after. */
  label: string;
  rate: number;
  /** The slider's spoken value: "30.5 %: 92 of 300 go on". */
  valueText: string;
  /** After the sale (delivery, retention…): drawn, but not counted in won deals. */
  afterSale: boolean;
  /** Where an observed rate comes from: "Observed: 62 of 94 decided deals went on (66 %)". */
  observed?: string;
}

export interface LeverRow {
  name: string;
  /** "30% → 35%", or "1,000 → 1,100" leads. */
  change: string;
  won: string;
  /** Won deals lost by the opposite move (the tornado's left-hand bar). */
  worse: string;
  revenue: string;
  /** Revenue per unit spent, when a cost per point is given. */
  ret?: string;
}

export interface RankingView {
  /** The lever to pull first, in a sentence. */
  sentence: string;
  rows: LeverRow[];
  tornado: TornadoRow[];
  tornadoLabel: string;
  withCost: boolean;
}

export interface TargetView {
  goal: number;
  reachable: boolean;
  expected?: string;
  confident?: string;
  /** The stage whose rate alone is asked about (clamped to the stages). */
  stage: number;
  stageText: string;
}

export interface DiagnosisView {
  benchmark: string;
  message: string;
  onPar: boolean;
}

export interface SimulatorView {
  /** The scenario with its stage names in the language of the moment. */
  scenario: Scenario;
  projection: Projection;
  base: Projection;
  /** The scenario is not the baseline. */
  changed: boolean;
  figures: Figure[];
  stages: StageRow[];
  ranking: RankingView;
  target: TargetView;
  diagnosis: DiagnosisView;
}

export interface CompareColumn {
  name: string;
  values: string[];
}

export interface CompareView {
  labels: string[];
  a: CompareColumn;
  b: CompareColumn;
}

const MINUS = '\u2212';

/** A signed count: "+4.3", "−2.6", "0". */
export const signedCount = (v: number, lang: Lang): string =>
  (v > 0 ? '+' : v < 0 ? MINUS : '') + formatNumber(Math.abs(v), lang);

/**
 * A change with its sign, from the formatted size of the change; `undefined` when that size
 * shows as zero, so "+0" or "0 pp" is never written next to a figure.
 */
function signedText(d: number, magnitude: string): string | undefined {
  if (d === 0 || !/[1-9]/.test(magnitude)) return undefined;
  return (d > 0 ? '+' : MINUS) + magnitude;
}

/** The change from `before` to `now`, `magnitude` formatting its size. */
export function delta(
  now: number,
  before: number,
  magnitude: (abs: number) => string,
  text: SimulatorStrings,
): Delta | undefined {
  const d = now - before;
  if (Math.abs(d) < 1e-9 * Math.max(1, Math.abs(before))) {
    return { text: text.sameAsBaseline, direction: 'same' };
  }
  const signed = signedText(d, magnitude(Math.abs(d)));
  if (!signed) return undefined;
  return { text: t(text.vsBaseline, { delta: signed }), direction: d > 0 ? 'up' : 'down' };
}

function figures(p: Projection, b: Projection, lang: Lang, text: SimulatorStrings): Figure[] {
  const count = (v: number) => formatNumber(v, lang);
  const money = (v: number) => formatMoney(v, lang, p.currency, true);
  // Two decimals: 2.59 % → 2.64 % is a change of 0.05 points, not "0 pp".
  const points = (v: number) =>
    `${formatNumber(v * 100, lang, 2)} ${lang === 'es' ? 'p. p.' : 'pp'}`;
  const figure = (id: FigureId, label: string, value: string, change: Delta | undefined): Figure =>
    change ? { id, label, value, delta: change } : { id, label, value };
  const out = [
    figure('won', text.won, count(p.won), delta(p.won, b.won, count, text)),
    figure('revenue', text.revenue, money(p.revenue), delta(p.revenue, b.revenue, money, text)),
    figure(
      'conversion',
      text.conversion,
      formatPercent(p.overallConversion, lang),
      delta(p.overallConversion, b.overallConversion, points, text),
    ),
  ];
  if (p.cac !== undefined) {
    out.push(figure('cac', text.cac, money(p.cac), delta(p.cac, b.cac ?? p.cac, money, text)));
  }
  if (p.ltvToCac !== undefined) {
    const ratio = p.ltvToCac;
    out.push(
      figure(
        'ltv-cac',
        text.ltvCac,
        `${formatNumber(ratio, lang)} : 1`,
        delta(ratio, b.ltvToCac ?? ratio, count, text),
      ),
    );
  }
  return out;
}

/** "Won deals 26.4, +0.4": the one line spoken once the person stops changing the scenario. */
export function summaryText(view: SimulatorView, lang: Lang, text: SimulatorStrings): string {
  const now = view.projection.won;
  const d = now - view.base.won;
  return t(text.liveSummary, {
    label: text.won,
    value: formatNumber(now, lang),
    delta: signedText(d, formatNumber(Math.abs(d), lang)) ?? text.sameAsBaseline,
  });
}

/** Where an observed rate comes from, in words, or nothing for a rate the person set. */
export function observedText(
  observed: Scenario['stages'][number]['observed'],
  lang: Lang,
  text: SimulatorStrings,
): string | undefined {
  if (!observed) return undefined;
  if (observed.of === 0) return text.observedNone;
  return t(text.observedRate, {
    won: formatInteger(observed.won, lang),
    of: formatInteger(observed.of, lang),
    rate: formatPercent(observed.won / observed.of, lang),
  });
}

function stageRows(view: Scenario, p: Projection, lang: Lang, text: SimulatorStrings): StageRow[] {
  return view.stages.map((stage, i) => {
    const row = p.stages[i];
    const observed = observedText(stage.observed, lang, text);
    return {
      index: i,
      name: stage.name,
      label: stage.name || t(text.stageName, { n: i + 1 }),
      rate: stage.rate,
      // Spoken at the slider's half-point precision, with whole deals ("30.5 %: 92 of 300").
      valueText: t(text.rateValueText, {
        rate: formatRate(stage.rate, lang),
        advancing: formatInteger(row.advancing, lang),
        entering: formatInteger(row.entering, lang),
      }),
      afterSale: i > view.wonStage,
      ...(observed ? { observed } : {}),
    };
  });
}

function leverName(lever: Lever, text: SimulatorStrings): string {
  return lever.kind === 'leads' ? text.leadsLever : lever.name;
}

function topSentence(
  ranking: Sensitivity,
  plan: PlanOptions,
  currency: string,
  lang: Lang,
  text: SimulatorStrings,
): string {
  const top = ranking.levers[0];
  if (!top || !(top.extraWon > 1e-9)) return text.noGain;
  if (plan.costPerPoint !== undefined && top.returnPerCost !== undefined) {
    if (Number.isFinite(top.returnPerCost)) {
      return t(text.topReturn, {
        lever: leverName(top, text),
        ratio: formatNumber(top.returnPerCost, lang, 2),
      });
    }
  }
  const params = {
    won: formatNumber(top.extraWon, lang),
    revenue: formatMoney(top.extraRevenue, lang, currency, true),
  };
  if (top.kind === 'leads') {
    return t(text.topLeads, { ...params, pct: formatPercent(plan.leadsPercent / 100, lang) });
  }
  return t(text.topStage, {
    ...params,
    stage: top.name,
    from: formatPercent(top.from, lang),
    to: formatPercent(top.to, lang),
  });
}

function rankingView(
  view: Scenario,
  plan: PlanOptions,
  lang: Lang,
  text: SimulatorStrings,
): RankingView {
  const points = plan.deltaPoints / 100;
  const relative = plan.leadsPercent / 100;
  const ranking = sensitivity(view, {
    points,
    leadsRelative: relative,
    ...(plan.costPerPoint !== undefined ? { costPerPoint: plan.costPerPoint } : {}),
  });
  const currency = view.currency;
  const withCost = plan.costPerPoint !== undefined;
  const revenue = moneyColumn(
    ranking.levers.map((l) => l.extraRevenue),
    lang,
    currency,
  );
  const rows = ranking.levers.map((l): LeverRow => {
    const change =
      l.kind === 'leads'
        ? `${formatInteger(l.from, lang)} → ${formatInteger(l.to, lang)}`
        : `${formatPercent(l.from, lang)} → ${formatPercent(l.to, lang)}`;
    const row: LeverRow = {
      name: leverName(l, text),
      change,
      won: signedCount(l.extraWon, lang),
      worse: signedCount(l.downExtraWon, lang),
      revenue: revenue(l.extraRevenue),
    };
    if (withCost) {
      row.ret = l.returnPerCost === undefined ? '–' : `${formatNumber(l.returnPerCost, lang, 2)}×`;
    }
    return row;
  });
  // The tornado is ranked by won deals even when the table is ranked by return; its left-hand
  // bars are the engine's opposite move (−Δ points, −x % leads).
  const tornado = [...ranking.levers]
    .sort((a, b) => b.extraWon - a.extraWon)
    .map((l) => ({ label: leverName(l, text), up: l.extraWon, down: l.downExtraWon }));
  const tornadoLabel = t(text.tornadoLabel, {
    points: formatPoints(points, lang).replace(/^\+/, ''),
    pct: formatPercent(relative, lang),
  });
  return {
    sentence: topSentence(ranking, plan, currency, lang, text),
    rows,
    tornado,
    tornadoLabel,
    withCost,
  };
}

/** The target asked for, or by default 20 % more than the baseline brings. */
export function targetGoal(
  target: TargetOptions,
  base: Projection,
): { won: number } | { revenue: number } {
  if (target.kind === 'won') {
    return { won: target.value ?? Math.max(1, Math.ceil(base.won * 1.2)) };
  }
  const fallback = Math.max(1, Math.round((base.revenue * 1.2) / 1000) * 1000);
  return { revenue: target.value ?? fallback };
}

function targetView(
  view: Scenario,
  base: Projection,
  target: TargetOptions,
  lang: Lang,
  text: SimulatorStrings,
): TargetView {
  const goal = targetGoal(target, base);
  const r = leadsNeeded(view, goal, { confidence: CONFIDENCE });
  const stage = Math.min(Math.max(0, target.stage), view.stages.length - 1);
  const needed = rateNeeded(view, stage, goal);
  const name = view.stages[stage].name;
  const now = formatPercent(view.stages[stage].rate, lang);
  const stageText =
    needed === null
      ? t(text.rateImpossible, { stage: name })
      : t(needed <= view.stages[stage].rate ? text.rateMet : text.rateNeeded, {
          stage: name,
          rate: formatPercent(needed, lang),
          now,
        });
  const out: TargetView = {
    goal: 'won' in goal ? goal.won : goal.revenue,
    reachable: r.reachable,
    stage,
    stageText,
  };
  if (r.reachable) {
    out.expected = t(text.leadsExpected, { n: formatInteger(r.expected ?? NaN, lang) });
    out.confident = t(text.leadsConfident, {
      confidence: formatPercent(r.confidence, lang),
      n: formatInteger(r.atConfidence ?? NaN, lang),
    });
  }
  return out;
}

/** Training mode's status: "Showing 2 of 7 stages · Selected: Qualification at 30%". */
export function revealText(
  shown: { revealed: number; selected: number },
  view: Scenario,
  lang: Lang,
  text: SimulatorStrings,
): string {
  const stage = view.stages[shown.selected] ?? view.stages[0];
  const reveal = t(text.revealStatus, { n: shown.revealed, total: view.stages.length });
  const selected = t(text.selectedStage, {
    stage: stage.name,
    rate: formatPercent(stage.rate, lang),
  });
  return `${reveal} · ${selected}`;
}

/** What the embedded funnel draws, given how many stages are `revealed`. */
export function funnelInput(
  view: SimulatorView,
  current: Scenario,
  baseline: Scenario,
  revealed: number,
): { scenario?: Scenario; stages?: StageCount[]; compare?: Scenario | StageCount[] } {
  // While stages are revealed one by one the funnel gets the counts so far, not a cut
  // scenario: a cut scenario would announce its last shown stage as the won deals.
  if (revealed >= current.stages.length) {
    return view.changed ? { scenario: current, compare: baseline } : { scenario: current };
  }
  const counts = (p: Projection) =>
    p.stages.slice(0, revealed).map((st) => ({ name: st.name, value: st.entering }));
  const stages = counts(view.projection);
  return view.changed ? { stages, compare: counts(view.base) } : { stages };
}

const presetTitles = new Map<Lang, readonly { id: string; title: string }[]>();

/** The preset ids with their titles in `lang`, for the pickers. */
export function presetOptions(lang: Lang): readonly { id: string; title: string }[] {
  let options = presetTitles.get(lang);
  if (!options) {
    options = PRESET_IDS.map((id) => ({ id, title: getPreset(id)!.title[lang] }));
    presetTitles.set(lang, options);
  }
  return options;
}

/**
 * The simulator's view, section by section: each section is derived again only when one of
 * its inputs changed (a status line, a band arriving or a letter typed in a name field
 * re-renders the element, and none of them re-runs projections, sensitivity or the diagnosis).
 */
export class SimulatorViewModel {
  private readonly memo = new Memo();

  derive(input: ViewInput): SimulatorView {
    const { scenario, baseline, lang, text, plan, target, benchmark } = input;
    const m = this.memo;
    const view = m.get('view', [scenario, lang], () => localizeScenario(scenario, lang));
    const projection = m.get('projection', [view], () => project(view));
    const base = m.get('base', [baseline, lang], () => project(localizeScenario(baseline, lang)));
    const planDeps = [plan.deltaPoints, plan.leadsPercent, plan.costPerPoint];
    return {
      scenario: view,
      projection,
      base,
      changed: scenario !== baseline,
      figures: m.get('figures', [projection, base, lang, text], () =>
        figures(projection, base, lang, text),
      ),
      stages: m.get('stages', [view, projection, lang, text], () =>
        stageRows(view, projection, lang, text),
      ),
      ranking: m.get('ranking', [view, lang, text, ...planDeps], () =>
        rankingView(view, plan, lang, text),
      ),
      target: m.get(
        'target',
        [view, base, lang, text, target.kind, target.value, target.stage],
        () => targetView(view, base, target, lang, text),
      ),
      diagnosis: m.get('diagnosis', [view, lang, benchmark], () => {
        const bench = getPreset(benchmark) ?? getPreset(DEFAULT_PRESET)!;
        const { message, onPar } = diagnose(view, bench.scenario, lang);
        return { benchmark: bench.id, message, onPar };
      }),
    };
  }

  /** Two scenarios side by side: saved ones by id, `''` for the one in effect. */
  compare(
    saved: readonly SavedScenario[],
    ids: readonly [string, string],
    view: SimulatorView,
    lang: Lang,
    text: SimulatorStrings,
  ): CompareView {
    return this.memo.get('compare', [saved, ids[0], ids[1], view.projection, lang, text], () => {
      const column = (id: string): CompareColumn => {
        const item = saved.find((x) => x.id === id);
        const parsed = item ? parseScenario(item.scenario) : undefined;
        const named = parsed?.ok
          ? { name: item!.name, p: project(localizeScenario(parsed.value, lang)) }
          : { name: text.currentScenario, p: view.projection };
        return { name: named.name, values: compareValues(named.p, lang) };
      };
      return {
        labels: [text.leads, text.conversion, text.won, text.revenue, text.cac, text.ltvCac],
        a: column(ids[0]),
        b: column(ids[1]),
      };
    });
  }
}

function compareValues(p: Projection, lang: Lang): string[] {
  const money = (v: number | undefined) =>
    v === undefined ? '–' : formatMoney(v, lang, p.currency, true);
  return [
    formatInteger(p.leads, lang),
    formatPercent(p.overallConversion, lang),
    formatNumber(p.won, lang),
    money(p.revenue),
    money(p.cac),
    p.ltvToCac === undefined ? '–' : `${formatNumber(p.ltvToCac, lang)} : 1`,
  ];
}
