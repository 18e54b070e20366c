import { dayStart } from '../../../model/calendar.js';
import { formatMoney, formatPercent } from '../../../model/format.js';
import type { Lang } from '../../../model/types.js';
import type { Band } from '../../../sim/index.js';
import { t } from '../../i18n.js';
import type { BandNote } from '../model/forecast-view.js';
import type { ForecastStrings } from '../strings.js';

/** What every panel formats with. */
export interface Fmt {
  s: ForecastStrings;
  lang: Lang;
  currency: string;
}

export const money = (f: Fmt, x: number) => formatMoney(x, f.lang, f.currency, true);
export const percent = (f: Fmt, x: number) => formatPercent(x, f.lang);

/**
 * A forecast's figure: in whole units (cents claim a precision no forecast has), and a positive
 * figure that rounds to 0 says "under €1" rather than €0.08 or a €0 that is not quite 0.
 */
export const estimate = (f: Fmt, x: number) =>
  x > 0 && x < 0.5 ? t(f.s.underOne, { amount: money(f, 1) }) : money(f, Math.round(x));

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(lang, options)));
  return format;
}

/** "December 2026", "Diciembre de 2026": a month as people name it, not `2026-12`. */
export const monthName = (f: Fmt, start: number) => {
  const name = dateFormat(f.lang, { month: 'long', year: 'numeric' }).format(start);
  // It starts a row and a note: capitalized, as Spanish writes a month only there.
  return name.charAt(0).toLocaleUpperCase(f.lang) + name.slice(1);
};

/** "Q4 2026", "T4 2026": a quarter as people name it, from its label (`2026-Q4`). */
export const quarterName = (f: Fmt, label: string) => {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  return m ? t(f.s.quarterName, { year: m[1], quarter: m[2] }) : label;
};

/** A `YYYY-MM-DD` date as people read it: "Nov 5, 2026", "5 nov 2026". */
export const dateName = (f: Fmt, iso: string) => {
  const day = dayStart(iso);
  return Number.isNaN(day) ? iso : dateFormat(f.lang, { dateStyle: 'medium' }).format(day);
};

/** A band's figures as its sentences name them. */
export const bandFigures = (f: Fmt, b: Band) => ({
  expected: estimate(f, b.expected),
  low: estimate(f, b.p10),
  high: estimate(f, b.p90),
});

/** "Expected €98K; likely between €80K and €115K". */
export const bandText = (f: Fmt, b: Band) => t(f.s.bandText, bandFigures(f, b));

/** Why the expected value of `period`'s band lies outside its range (see `BandNote`). */
export function noteText(f: Fmt, note: BandNote, period: string, b: Band, achieved = 0): string {
  const expected = estimate(f, b.expected);
  switch (note.kind) {
    case 'rare':
      return t(achieved > 0 ? f.s.noteRareMore : f.s.noteRare, {
        period,
        expected,
        chance: percent(f, note.chance),
      });
    case 'above':
      return t(f.s.noteAbove, { period, expected });
    case 'below':
      return t(f.s.noteBelow, { period, expected });
  }
}
