import type { Lang } from '../../model/types.js';

/**
 * Reading and writing the numbers people type. Both `1234.5` and `1234,5` are accepted in
 * either language (people paste from spreadsheets in both styles); grouping is read only where
 * it cannot be a decimal separator: `1.000.000`, `1,000,000`, `1.234,5`, `1,234.5`, and `1.000`
 * in Spanish.
 */
export function parseDecimal(text: string, lang: Lang): number {
  let s = text.trim().replace(/[\s\u00a0\u202f%]/g, '');
  if (s === '' || !/^[+-]?[\d.,]+$/.test(s)) return NaN;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (dots && commas) {
    // The separator that comes last is the decimal one.
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    s = s.split(group).join('').replace(decimal, '.');
  } else if (dots > 1 || commas > 1) {
    s = s.replace(/[.,]/g, '');
  } else if (commas === 1) {
    s = lang === 'en' && /^[+-]?\d{1,3},\d{3}$/.test(s) ? s.replace(',', '') : s.replace(',', '.');
  } else if (dots === 1 && lang === 'es' && /^[+-]?\d{1,3}\.\d{3}$/.test(s)) {
    s = s.replace('.', '');
  }
  if (/[.,]$/.test(s) || /^[+-]?\./.test(s)) return NaN;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

const plain = new Map<string, Intl.NumberFormat>();

/** A number as an input shows it: no grouping, up to `digits` decimals, the language's comma. */
export function formatPlain(n: number, lang: Lang, digits = 2): string {
  const key = `${lang}|${digits}`;
  let f = plain.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: digits });
    plain.set(key, f);
  }
  return f.format(n);
}
