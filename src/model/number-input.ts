import type { Lang } from './types.js';

/**
 * Reading and writing the numbers people type into a field. A text is read only when it means
 * one number: `1234.5` and `1234,5` are both accepted in either language (people paste from
 * spreadsheets in both styles), grouping is read only where it cannot be a decimal separator
 * (`1.000.000`, `1,000,000`, `1.234,5`, `1,234.5`, `1 234,5`; `1,500` in English and `1.500` in
 * Spanish are 1500, `1,5` and `0,500` are decimals), and anything else — `12x`, `1.000.5`,
 * `1,23.5`, `3%5`, `1e5` — is refused (`NaN`) rather than guessed. Pure: runs in Node.
 */

/** Spaces people and `Intl` put between digit groups: space, no-break space, narrow no-break space. */
const SPACE = /[ \u00a0\u202f]/;
const SPACES = /[ \u00a0\u202f]/g;

/** Digit groups after the first: exactly three digits each; the first 1–3 digits, not a leading 0. */
function isGrouped(digits: string, group: string): boolean {
  const parts = digits.split(group);
  return /^[1-9]\d{0,2}$/.test(parts[0]) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/** A single separator that reads as thousands in `lang` ("1,500" in English, "1.500" in Spanish). */
function groupsThousands(body: string, separator: string, lang: Lang): boolean {
  const grouping = lang === 'en' ? ',' : '.';
  return separator === grouping && isGrouped(body, separator);
}

/** The number `text` means, or `NaN` when it means none or more than one. */
export function parseDecimal(text: string, lang: Lang): number {
  let s = text.trim().replace(/\u2212/g, '-');
  // A percent sign only at the end ("35 %"); one inside ("3%5") is no number.
  s = s.replace(/\s*%$/, '');
  const sign = /^[+-]/.test(s) ? s[0] : '';
  let body = s.slice(sign.length);
  if (body === '' || !/^[\d., \u00a0\u202f]+$/.test(body) || !/^\d/.test(body)) return NaN;

  const spaced = SPACE.test(body);
  const dots = (body.match(/\./g) ?? []).length;
  const commas = (body.match(/,/g) ?? []).length;
  let integer: string;
  let fraction = '';
  if (spaced) {
    // "1 234" or "1 234,5": spaces group, and one dot or comma at most is the decimal sign.
    if (dots + commas > 1) return NaN;
    const [int, frac = ''] = body.split(/[.,]/);
    if (dots + commas === 1 && frac === '') return NaN;
    if (!isGrouped(int.replace(SPACES, ' '), ' ')) return NaN;
    integer = int.replace(SPACES, '');
    fraction = frac;
  } else if (dots && commas) {
    // Both: the one that comes last is the decimal sign, written once; the other groups.
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if ((decimal === '.' ? dots : commas) !== 1) return NaN;
    const [int, frac] = body.split(decimal);
    if (!isGrouped(int, group) || frac === '' || frac.includes(group)) return NaN;
    integer = int.split(group).join('');
    fraction = frac;
  } else if (dots > 1 || commas > 1) {
    // One kind, several times: grouping only.
    const group = dots > 1 ? '.' : ',';
    if (!isGrouped(body, group)) return NaN;
    integer = body.split(group).join('');
  } else if (dots + commas === 1) {
    const separator = dots ? '.' : ',';
    if (groupsThousands(body, separator, lang)) {
      integer = body.replace(separator, '');
    } else {
      [integer, fraction] = body.split(separator);
      if (fraction === '') return NaN;
    }
  } else {
    integer = body;
  }
  body = fraction ? `${integer}.${fraction}` : integer;
  if (!/^\d+(\.\d+)?$/.test(body)) return NaN;
  const n = Number(sign + body);
  // "-0" is 0: a field never shows "-0" back.
  return Number.isFinite(n) ? n + 0 : NaN;
}

const plain = new Map<string, Intl.NumberFormat>();

/** A number as an input shows it: no grouping, up to `digits` decimals, the language's decimal sign. */
export function formatPlain(n: number, lang: Lang, digits = 2): string {
  const key = `${lang}|${digits}`;
  let f = plain.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: digits });
    plain.set(key, f);
  }
  return f.format(n);
}
