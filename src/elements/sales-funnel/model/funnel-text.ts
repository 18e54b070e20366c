import {
  formatCompact,
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
  formatter,
} from '../../../model/format.js';
import type { Lang } from '../../../model/types.js';
import { t } from '../../i18n.js';
import type { FunnelModel, FunnelRow } from './funnel-model.js';
import type { FunnelStrings } from '../strings.js';

/**
 * The funnel's words and numbers for a model, in one language: the band labels, the columns
 * of the tooltip, the hidden table and each band's accessible name, and the caption. Pure.
 */

export interface TextOptions {
  lang: Lang;
  strings: FunnelStrings;
  /** What the compared data set is ("last quarter"), for labels. */
  compareLabel?: string;
}

/** One line of a band's label, as variants, longest first. */
export interface LabelLine {
  texts: string[];
  cls: string;
}

/** One sentence of the caption; `mark`: the emphasis it explains. */
export interface CaptionPart {
  text: string;
  mark?: 'drop' | 'payoff';
}

/**
 * A count for labels and captions: an expected (fractional) one below 100 keeps one decimal,
 * like the simulator (25.9, not 26); observed counts and large ones are compact.
 */
function count(model: FunnelModel, n: number, lang: Lang): string {
  return model.expected && Math.abs(n) < 100 ? formatNumber(n, lang) : formatCompact(n, lang);
}

/**
 * The text lines of each stage's label: name; count · share; on a scenario's won stage, its won
 * deals · revenue; conversion; change. Each line lists variants, longest first: a narrow chart
 * drops the money or says "conv." rather than cutting a number in half (the tooltip and the
 * table keep everything). Counts × a deal value stay in the tooltip and table, as "value if
 * won": on a band they would read as revenue.
 */
export function labelLines(model: FunnelModel, o: TextOptions): LabelLine[][] {
  const { lang, strings: s } = o;
  return model.rows.map((r, i) => {
    const drop = i === model.drop;
    const payoff = i === model.payoff?.index;
    const n = r.value === null ? s.unknown : count(model, r.value, lang);
    const share = r.share !== null ? ` · ${formatPercent(r.share, lang)}` : '';
    const lines: LabelLine[] = [
      { texts: [`${payoff ? '★ ' : ''}${r.name}`], cls: payoff ? 'name payoff-text' : 'name' },
      { texts: [n + share, n], cls: '' },
    ];
    if (r.won !== null) {
      const won = t(s.wonHere, { won: count(model, r.won, lang) });
      const money =
        r.money !== null ? ` · ${formatMoney(r.money, lang, model.currency, true)}` : '';
      lines.push({ texts: [won + money, won, '✓'], cls: 'won-text' });
    }
    if (r.conversion !== null) {
      const rate = formatPercent(r.conversion, lang);
      const texts = model.decided
        ? [s.decidedWentOn, s.decidedMedium, s.decidedShort].map((x) => t(x, { rate }))
        : [`${rate} ${s.fromPrevious}`, `${rate} ${s.conversionShort}`];
      lines.push({
        texts: [...texts, rate].map((x) => (drop ? `▼ ${x}` : x)),
        cls: drop ? 'drop-text' : 'sub',
      });
    }
    if (r.change !== null) {
      const arrow = r.change > 0 ? '▲' : r.change < 0 ? '▼' : '=';
      const delta = `${arrow} ${formatPercent(Math.abs(r.change), lang)}`;
      const against = o.compareLabel ? t(s.vsLabel, { label: o.compareLabel }) : s.vsCompare;
      lines.push({ texts: [`${delta} ${against}`, delta], cls: 'sub' });
    }
    return lines;
  });
}

/** Money column format: one per column, cents only when some amount needs them. */
export function moneyFormat(model: FunnelModel, lang: Lang): Intl.NumberFormat {
  const cents = model.rows.some(
    (r) => r.money !== null && Math.abs(r.money) < 100 && !Number.isInteger(r.money),
  );
  // Shared with every other figure (`formatter`): a chart without money builds none.
  return formatter(lang, {
    style: 'currency',
    currency: model.currency,
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 0,
  });
}

/**
 * The columns shown for every stage, as [heading, text] pairs: one source for the tooltip,
 * the hidden table and each stage's accessible name, so they never disagree.
 */
export function facts(model: FunnelModel, r: FunnelRow, o: TextOptions): [string, string][] {
  const { lang, strings: s } = o;
  const show = (v: number | null, f: (n: number) => string) => (v === null ? '—' : f(v));
  const pct = (n: number) => formatPercent(n, lang);
  const n = (v: number) =>
    model.expected && Math.abs(v) < 100 ? formatNumber(v, lang) : formatInteger(v, lang);
  const decided = (rate: number) =>
    r.decided
      ? t(s.decidedOf, { rate: pct(rate), won: n(r.decided.won), of: n(r.decided.of) })
      : pct(rate);
  const out: [string, string][] = [
    [s.colCount, r.value === null ? s.unknown : n(r.value)],
    [s.colShare, show(r.share, pct)],
    model.decided
      ? [s.colDecided, show(r.conversion, decided)]
      : [s.colConversion, show(r.conversion, pct)],
  ];
  if (model.rows.some((x) => x.money !== null)) {
    const heading = model.expected ? s.colRevenue : s.colValue;
    out.push([heading, show(r.money, (v) => moneyFormat(model, lang).format(v))]);
  }
  if (model.rows.some((x) => x.compare !== null)) {
    const sign = (v: number) => (v > 0 ? '+' : v < 0 ? '−' : '±') + pct(Math.abs(v));
    // Headed "Change (Q2)": the comparison's label alone reads as a figure ("Q2: +12 %").
    out.push([
      o.compareLabel ? `${s.colChange} (${o.compareLabel})` : s.colChange,
      show(r.change, sign),
    ]);
  }
  return out;
}

/** The sentences under the chart: where the data comes from, the biggest drop, the payoff. */
export function captionParts(model: FunnelModel, o: TextOptions, note = ''): CaptionPart[] {
  const { lang, strings: s } = o;
  const parts: CaptionPart[] = note ? [{ text: note }] : [];
  const d = model.drop;
  if (d > 0) {
    const rows = model.rows;
    parts.push({
      text: t(model.decided ? s.biggestDropDecided : s.biggestDrop, {
        stage: rows[d].name,
        previous: rows[d - 1].name,
        rate: formatPercent(rows[d].conversion!, lang),
      }),
      mark: 'drop',
    });
  }
  const money = (n: number) => formatMoney(n, lang, model.currency, true);
  if (model.projection) {
    const { won, revenue } = model.projection;
    parts.push({
      text: t(s.expectedWon, { won: count(model, won, lang), revenue: money(revenue) }),
    });
  }
  const best = model.payoff;
  if (best) {
    parts.push({
      text: t(best.index < 0 ? s.payoffLeads : s.payoff, {
        stage: model.rows[best.index]?.name ?? '',
        points:
          best.index < 0 ? formatCompact(best.extraLeads, lang) : formatPoints(best.points, lang),
        won: count(model, best.extraWon, lang),
        revenue: money(best.revenue),
      }),
      mark: 'payoff',
    });
  }
  return parts;
}
