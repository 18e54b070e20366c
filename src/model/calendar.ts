/**
 * Calendar periods (quarters and months), shared by the analytics (what happened in a period)
 * and the engine's forecast (when open deals will land). Pure: the present is always passed in.
 */

export type PeriodUnit = 'quarter' | 'month';

/** A calendar period: `[start, end)` in ms. */
export interface PeriodRange {
  /** `2026-Q3` or `2026-08`. */
  label: string;
  start: number;
  end: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The period `back` periods before the one that contains `t` (a negative `back` counts forward:
 * −1 is the next one), in local time or, with `utc`, in UTC.
 */
export function periodOf(
  t: number,
  by: PeriodUnit = 'quarter',
  back = 0,
  utc = false,
): PeriodRange {
  const d = new Date(t);
  const len = by === 'quarter' ? 3 : 1;
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  const month = utc ? d.getUTCMonth() : d.getMonth();
  // Date normalizes month overflow, so going back across a year needs no special case.
  const first = Math.floor(month / len) * len - back * len;
  const make = (m: number) => (utc ? Date.UTC(year, m, 1) : new Date(year, m, 1).getTime());
  const start = make(first);
  const startDate = new Date(start);
  const y = utc ? startDate.getUTCFullYear() : startDate.getFullYear();
  const m = utc ? startDate.getUTCMonth() : startDate.getMonth();
  const label = by === 'quarter' ? `${y}-Q${m / 3 + 1}` : `${y}-${pad2(m + 1)}`;
  return { label, start, end: make(first + len) };
}

/** The same local time `months` calendar months earlier (a day past the month end rolls over, as `Date` does). */
export function monthsBefore(t: number, months: number): number {
  const d = new Date(t);
  d.setMonth(d.getMonth() - months);
  return d.getTime();
}

/** The start of an ISO day (`2026-08-14`) in local time, or UTC with `utc`; `NaN` for no day. */
export function dayStart(iso: string, utc = false): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  return utc ? Date.UTC(y, mo, d) : new Date(y, mo, d).getTime();
}
