/**
 * Reading and writing the numbers people type into a field. A text is read only when it means
 * one number: `1234.5` and `1234,5` are both accepted in either language (people paste from
 * spreadsheets in both styles), grouping is read only where it cannot be a decimal separator
 * (`1.000.000`, `1,000,000`, `1.234,5`, `1,234.5`, `1 234,5`; `1,500` in English and `1.500` in
 * Spanish are 1500, `1,5` and `0,500` are decimals), and anything else — `12x`, `1.000.5`,
 * `1,23.5`, `3%5`, `1e5` — is refused (`NaN`) rather than guessed. Pure: runs in Node.
 *
 * `readTypedNumber` is what a form uses: it also takes shorthands (`12,5k`, `1,5 M€`, `30 mil`),
 * currency signs and codes around the number, and refuses, with the reason, what
 * `parseDecimal` would read one way although a person may have meant the other (`1.500` in
 * English, `1,500` in Spanish: one and a half, or fifteen hundred?).
 */

import type { Lang } from './types.js';

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

/** A number as decimal digits: `integer.fraction`, unsigned. */
interface Digits {
  integer: string;
  fraction: string;
  /** The other reading, when the one taken is the language's habit and not the text's. */
  other?: { integer: string; fraction: string };
}

/** The digits an unsigned `body` (digits, `.`, `,`, spaces) means, or `undefined`. */
function readDigits(body: string, lang: Lang): Digits | undefined {
  if (body === '' || !/^[\d., \u00a0\u202f]+$/.test(body) || !/^\d/.test(body)) return undefined;
  const spaced = SPACE.test(body);
  const dots = (body.match(/\./g) ?? []).length;
  const commas = (body.match(/,/g) ?? []).length;
  let integer: string;
  let fraction = '';
  let other: Digits['other'];
  if (spaced) {
    // "1 234" or "1 234,5": spaces group, and one dot or comma at most is the decimal sign.
    if (dots + commas > 1) return undefined;
    const [int, frac = ''] = body.split(/[.,]/);
    if (dots + commas === 1 && frac === '') return undefined;
    if (!isGrouped(int.replace(SPACES, ' '), ' ')) return undefined;
    integer = int.replace(SPACES, '');
    fraction = frac;
  } else if (dots && commas) {
    // Both: the one that comes last is the decimal sign, written once; the other groups.
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if ((decimal === '.' ? dots : commas) !== 1) return undefined;
    const [int, frac] = body.split(decimal);
    if (!isGrouped(int, group) || frac === '' || frac.includes(group)) return undefined;
    integer = int.split(group).join('');
    fraction = frac;
  } else if (dots > 1 || commas > 1) {
    // One kind, several times: grouping only.
    const group = dots > 1 ? '.' : ',';
    if (!isGrouped(body, group)) return undefined;
    integer = body.split(group).join('');
  } else if (dots + commas === 1) {
    const separator = dots ? '.' : ',';
    if (groupsThousands(body, separator, lang)) {
      integer = body.replace(separator, '');
    } else {
      [integer, fraction] = body.split(separator);
      if (fraction === '') return undefined;
      // "1.500" in English: the language reads a decimal, another one would read 1500.
      if (isGrouped(body, separator)) other = { integer: integer + fraction, fraction: '' };
    }
  } else {
    integer = body;
  }
  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction)) return undefined;
  return other ? { integer, fraction, other } : { integer, fraction };
}

/** The number of `digits` × 10^`exponent`, signed; decimal text keeps `1.1k` exactly 1100. */
function toNumber(sign: string, d: { integer: string; fraction: string }, exponent = 0): number {
  const n = Number(`${sign}${d.integer}${d.fraction ? `.${d.fraction}` : ''}e${exponent}`);
  // "-0" is 0: a field never shows "-0" back.
  return Number.isFinite(n) ? n + 0 : NaN;
}

/** The number `text` means, or `NaN` when it means none or more than one. */
export function parseDecimal(text: string, lang: Lang): number {
  let s = text.trim().replace(/\u2212/g, '-');
  // A percent sign only at the end ("35 %"); one inside ("3%5") is no number.
  s = s.replace(/\s*%$/, '');
  const sign = /^[+-]/.test(s) ? s[0] : '';
  const digits = readDigits(s.slice(sign.length), lang);
  return digits ? toNumber(sign, digits) : NaN;
}

/** Why a typed text is not taken. */
export type NumberProblem =
  'empty' | 'not-a-number' | 'ambiguous' | 'not-whole' | 'too-small' | 'too-large';

export interface NumberRules {
  integer?: boolean;
  min?: number;
  max?: number;
  /** A trailing `%` is allowed (the field is a percentage). */
  percent?: boolean;
}

export type TypedNumber =
  | {
      ok: true;
      value: number;
      /** The currency sign or code written with the number (`€`, `US$`, `EUR`), if any. */
      currency?: string;
    }
  | {
      ok: false;
      problem: NumberProblem;
      /** For `ambiguous`: the two numbers the text can mean (the language's first). */
      readings?: [number, number];
      /** For `not-whole`, `too-small`, `too-large`: the number read. */
      value?: number;
    };

/** Shorthands people write after a number, and the power of ten each stands for. */
const MULTIPLIERS: Record<Lang, Readonly<Record<string, number>>> = {
  // "mil" is a thousand in Spanish but a million in English slang: only Spanish takes it.
  en: { k: 3, K: 3, M: 6, MM: 6, million: 6, millions: 6, bn: 9 },
  es: { k: 3, K: 3, mil: 3, M: 6, MM: 6, millón: 6, millones: 6, mill: 6 },
};

const LEADING_CURRENCY = /^(US\$|[A-Z]{3}(?=[\s\d])|[€$£¥])\s*/;
const TRAILING_CURRENCY = /\s*(US\$|[€$£¥]|[A-Z]{3})$/;

/**
 * What a person typed into a number field, read for `lang`: grouping and decimal signs as
 * `parseDecimal` reads them, a sign, spaces, a currency sign or ISO code before or after, and a
 * shorthand (`k`, `M`, `mil` in Spanish) — `12,5k` is 12500, `1,5 M€` 1500000. Refused, with
 * the reason: empty, not a number, a text with two readings (`1.500` in English), decimals
 * where only whole numbers go, and a number outside `min`…`max`.
 */
export function readTypedNumber(text: string, lang: Lang, rules: NumberRules = {}): TypedNumber {
  let s = text.trim().replace(/\u2212/g, '-');
  if (s === '') return { ok: false, problem: 'empty' };
  const bad = { ok: false, problem: 'not-a-number' } as const;
  if (rules.percent) s = s.replace(/\s*%$/, '');
  let sign = '';
  let currency: string | undefined;
  const takeSign = () => {
    if (!sign && /^[+-]/.test(s)) [sign, s] = [s[0]!, s.slice(1).trimStart()];
  };
  const takeCurrency = (pattern: RegExp, where: 'start' | 'end') => {
    const m = pattern.exec(s);
    if (!m || currency) return;
    // "30 MIL" is a shorthand, not a currency code.
    if (m[1]!.toLowerCase() in MULTIPLIERS[lang] || m[1]!.toLowerCase() === 'mil') return;
    currency = m[1];
    s = where === 'start' ? s.slice(m[0].length) : s.slice(0, m.index);
  };
  takeSign();
  takeCurrency(LEADING_CURRENCY, 'start');
  takeSign();
  takeCurrency(TRAILING_CURRENCY, 'end');
  let exponent = 0;
  const suffix = /\s*([a-zA-Zó]+)\.?$/.exec(s);
  if (suffix) {
    const power = MULTIPLIERS[lang][suffix[1]!];
    if (power === undefined) return bad;
    exponent = power;
    s = s.slice(0, suffix.index);
  }
  const digits = readDigits(s, lang);
  if (!digits) return bad;
  const value = toNumber(sign, digits, exponent);
  if (!Number.isFinite(value)) return bad;
  const other = digits.other && toNumber(sign, digits.other, exponent);
  const outOfRange = (n: number) =>
    (rules.min !== undefined && n < rules.min) || (rules.max !== undefined && n > rules.max);
  // Two readings: the text is taken only when the field's range allows one of them alone
  // (`40.001` % in English is no 40001 %), never guessed between two that both fit.
  let taken = value;
  if (other !== undefined) {
    if (outOfRange(value) && !outOfRange(other)) taken = other;
    else if (outOfRange(value) === outOfRange(other)) {
      return { ok: false, problem: 'ambiguous', readings: [value, other] };
    }
  }
  const wrong = fieldProblem(taken, rules);
  if (wrong) return { ok: false, problem: wrong, value: taken };
  return currency === undefined ? { ok: true, value: taken } : { ok: true, value: taken, currency };
}

/** Currency signs and the ISO codes each can stand for ("$" is the peso's sign too). */
const SIGN_CODES: Record<string, readonly string[]> = {
  '€': ['EUR'],
  '£': ['GBP'],
  '¥': ['JPY', 'CNY'],
  US$: ['USD'],
  $: ['USD', 'CAD', 'AUD', 'NZD', 'MXN', 'ARS', 'CLP', 'COP', 'UYU', 'SGD', 'HKD'],
};

/** Whether a sign or code typed with an amount (`€`, `USD`) can be `currency`. */
export const signFits = (sign: string, currency: string): boolean =>
  (SIGN_CODES[sign] ?? [sign]).includes(currency);

/** What keeps a number out of a field with these rules, if anything. */
function fieldProblem(n: number, rules: NumberRules): NumberProblem | undefined {
  if (rules.integer && !Number.isInteger(n)) return 'not-whole';
  if (rules.min !== undefined && n < rules.min) return 'too-small';
  if (rules.max !== undefined && n > rules.max) return 'too-large';
  return undefined;
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
