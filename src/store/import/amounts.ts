/**
 * Amounts of an imported column, read with one decimal sign for the whole column: `12.500,00`
 * and `1.500` in a column that elsewhere writes `7.250,50` are 12500 and 1500; in a column
 * that writes `7,250.50`, `1.500` is 1.5. When no value of the column shows which sign is the
 * decimal one, the file's delimiter decides (`;` is the Spanish-locale Excel's, with a decimal
 * comma). A currency sign or code beside the number is kept for the deal's currency. Pure.
 */

export type DecimalSign = '.' | ',';

export interface AmountStats {
  /** Values that show the decimal sign is `.` / `,`. */
  votes: Record<DecimalSign, number>;
}

export const newAmountStats = (): AmountStats => ({ votes: { '.': 0, ',': 0 } });

const CURRENCY =
  /^(US\$|[A-Z]{3}|[€$£¥])?\s*(-?)\s*([\d.,\s\u00a0\u202f]*\d)\s*(US\$|[A-Z]{3}|[€$£¥])?$/;

/** The decimal sign a value shows, if it shows one. */
function shownDecimal(digits: string): DecimalSign | undefined {
  const dot = digits.lastIndexOf('.');
  const comma = digits.lastIndexOf(',');
  if (dot !== -1 && comma !== -1) return dot > comma ? '.' : ',';
  const sign = dot !== -1 ? '.' : comma !== -1 ? ',' : undefined;
  if (!sign) return undefined;
  const parts = digits.split(sign);
  if (parts.length > 2) return sign === '.' ? ',' : '.';
  // One sign not followed by three digits is a decimal sign ("2,5", "1.25").
  return parts[1]!.length === 3 ? undefined : sign;
}

export function addAmountValue(stats: AmountStats, text: string): void {
  const m = CURRENCY.exec(text.trim());
  if (!m) return;
  const sign = shownDecimal(m[3]!.replace(/[\s\u00a0\u202f]/g, ''));
  if (sign) stats.votes[sign] += 1;
}

/** The column's decimal sign: what its values show (most of them), else the delimiter's habit. */
export function decideDecimal(stats: AmountStats, delimiter: string): DecimalSign {
  const { votes } = stats;
  if (votes['.'] !== votes[',']) return votes['.'] > votes[','] ? '.' : ',';
  return delimiter === ';' ? ',' : '.';
}

/** An amount read with `decimal`, and the currency written with it; `null` if it is none. */
export function readAmount(
  text: string,
  decimal: DecimalSign,
): { value: number; currency?: string } | null {
  const m = CURRENCY.exec(text.trim());
  if (!m || (m[1] && m[4])) return null;
  const group = decimal === '.' ? ',' : '.';
  const digits = m[3]!.replace(/[\s\u00a0\u202f]/g, ' ');
  const [int = '', frac, extra] = digits.split(decimal);
  if (extra !== undefined || frac === '' || (frac !== undefined && !/^\d+$/.test(frac)))
    return null;
  const plain = /^\d+$/.test(int);
  const grouped = new RegExp(`^\\d{1,3}(${group === '.' ? '\\.' : ','}\\d{3})+$`).test(int);
  const spaced = /^\d{1,3}( \d{3})+$/.test(int);
  if (!plain && !grouped && !spaced) return null;
  const value = Number(`${m[2]}${int.replace(/[^\d]/g, '')}${frac ? `.${frac}` : ''}`) + 0;
  const currency = m[1] ?? m[4];
  return currency ? { value, currency } : { value };
}

/** Currency signs that name one currency; `$` names many and needs a currency column. */
export const SIGN_CURRENCY: Readonly<Record<string, string>> = {
  '€': 'EUR',
  '£': 'GBP',
  US$: 'USD',
  '¥': 'JPY',
};
