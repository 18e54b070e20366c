import { isIsoDate } from '../validate.js';

/**
 * Dates of an imported column, read one way for the whole column: a column whose values all
 * read as day/month but where one says 25/03 is day/month for every row, and 03/04 is never
 * read the other way round in the same column. When no value decides (every day and month
 * ≤ 12), the column is ambiguous and the person is asked. ISO dates (with or without a time)
 * and Excel serial day numbers are read as such. Pure.
 */

export type DateFormat = 'iso' | 'dmy' | 'mdy' | 'excel';

const FORMATS: readonly DateFormat[] = ['iso', 'dmy', 'mdy', 'excel'];

/** What a column's values allow. */
export interface DateColumnStats {
  /** Values that read as a date in some format. */
  good: number;
  /** How many values read in each format. */
  fits: Record<DateFormat, number>;
  /** A value that reads in no format, for the message. */
  bad?: string;
}

export const newDateStats = (): DateColumnStats => ({
  good: 0,
  fits: { iso: 0, dmy: 0, mdy: 0, excel: 0 },
});

/** Adds `text` to what the column allows. */
export function addDateValue(stats: DateColumnStats, text: string): void {
  const s = text.trim();
  if (s === '') return;
  const fitting = FORMATS.filter((f) => readDate(s, f) !== null);
  if (fitting.length === 0) {
    stats.bad ??= s;
    return;
  }
  stats.good += 1;
  for (const f of fitting) stats.fits[f] += 1;
}

/**
 * The column's format: the one every date of the column reads in; `ambiguous` (ask) when both
 * day/month and month/day do; when values disagree, the one most of them read in (the others
 * are reported row by row); `none` when no value is a date.
 */
export function decideDateFormat(
  stats: DateColumnStats,
):
  | { format: DateFormat }
  | { format: 'ambiguous'; options: DateFormat[] }
  | { format: 'none'; bad?: string } {
  const { good, fits } = stats;
  if (good === 0) return stats.bad ? { format: 'none', bad: stats.bad } : { format: 'iso' };
  const all = FORMATS.filter((f) => fits[f] === good);
  if (all.includes('iso')) return { format: 'iso' };
  if (all.includes('excel')) return { format: 'excel' };
  if (all.includes('dmy') && all.includes('mdy'))
    return { format: 'ambiguous', options: ['dmy', 'mdy'] };
  if (all.length) return { format: all[0]! };
  const most = (['dmy', 'mdy', 'excel'] as const).reduce((a, b) => (fits[b] > fits[a] ? b : a));
  return { format: most };
}

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED =
  /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/** Excel's serial day numbers (1950 to 2099), with an optional time of day. */
const SERIAL = /^\d{5}(?:[.,]\d+)?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** A read date: its day `YYYY-MM-DD` and its instant (midnight UTC unless a time was given). */
export interface ReadDate {
  day: string;
  at: number;
}

/** `text` read in `format`, or `null` when it is no real date in it. ISO is always accepted. */
export function readDate(text: string, format: DateFormat): ReadDate | null {
  const s = text.trim();
  const iso = ISO.exec(s);
  if (iso) {
    const day = `${iso[1]}-${pad(Number(iso[2]))}-${pad(Number(iso[3]))}`;
    if (!isIsoDate(day)) return null;
    if (iso[4] === undefined) return { day, at: Date.parse(`${day}T00:00:00Z`) };
    const zone = iso[7] ?? 'Z';
    const at = Date.parse(`${day}T${pad(Number(iso[4]))}:${iso[5]}:${iso[6] ?? '00'}${zone}`);
    return Number.isNaN(at) ? null : { day, at };
  }
  if (format === 'iso') return null;
  if (format === 'excel') {
    if (!SERIAL.test(s)) return null;
    const serial = Number(s.replace(',', '.'));
    // Day 25569 is 1970-01-01 (Excel counts a 29 February 1900 that never was).
    const at = Math.round((serial - 25569) * 86400000);
    const day = new Date(at).toISOString().slice(0, 10);
    return serial >= 18264 && serial < 73051 ? { day, at } : null;
  }
  const m = SLASHED.exec(s);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const [d, mo] = format === 'dmy' ? [a, b] : [b, a];
  let y = Number(m[3]);
  if (m[3]!.length === 2) y += y < 70 ? 2000 : 1900;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (!isIsoDate(day)) return null;
  const time = m[4] === undefined ? 'T00:00:00Z' : `T${pad(Number(m[4]))}:${m[5]}:${m[6] ?? '00'}Z`;
  return { day, at: Date.parse(`${day}${time}`) };
}
