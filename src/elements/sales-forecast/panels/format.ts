import { formatMoney, formatPercent } from '../../../model/format.js';
import type { Lang } from '../../../model/types.js';
import type { Band } from '../../../sim/index.js';
import { t } from '../../i18n.js';
import type { ForecastStrings } from '../strings.js';

/** What every panel formats with. */
export interface Fmt {
  s: ForecastStrings;
  lang: Lang;
  currency: string;
}

export const money = (f: Fmt, x: number) => formatMoney(x, f.lang, f.currency, true);
export const percent = (f: Fmt, x: number) => formatPercent(x, f.lang);

/** "Expected €98K; likely between €80K and €115K". */
export const bandText = (f: Fmt, b: Band) =>
  t(f.s.bandText, { expected: money(f, b.expected), low: money(f, b.p10), high: money(f, b.p90) });
