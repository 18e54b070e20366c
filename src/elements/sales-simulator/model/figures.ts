import { formatter } from '../../../model/format.js';
import type { Lang } from '../../../model/types.js';

/*
 * Formats the simulator needs beyond `model/format.ts`: a rate at the precision it can be set
 * to, and one money format for a whole column.
 */

/**
 * A stage's rate as its slider and exact field set it: 30.5 % stays 30.5 % (slider steps are
 * half points, typed rates have up to three decimals of a percent); no trailing zeros.
 */
export function formatRate(share: number, lang: Lang): string {
  if (!Number.isFinite(share)) return '–';
  return formatter(lang, { style: 'percent', maximumFractionDigits: 3 }).format(share);
}

/**
 * One money format for a column of amounts: compact for all (€7.8K next to €13K) as soon as
 * one is 10,000 or more, else whole amounts (cents only when every amount is under 100).
 */
export function moneyColumn(
  values: readonly number[],
  lang: Lang,
  currency: string,
): (value: number) => string {
  const finite = values.filter(Number.isFinite).map(Math.abs);
  const top = finite.length ? Math.max(...finite) : 0;
  const options: Intl.NumberFormatOptions =
    top >= 10_000
      ? { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }
      : { style: 'currency', currency, maximumFractionDigits: top < 100 ? 2 : 0 };
  const f = formatter(lang, options);
  return (value) => (Number.isFinite(value) ? f.format(value) : '–');
}
