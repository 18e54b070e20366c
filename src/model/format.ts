import type { Lang } from './types.js';

/**
 * Number formatting for a language: counts, compact thousands and percentages in en and es by
 * `quick` below, the rest through `Intl.NumberFormat`. Formatters are cached: a funnel redraws
 * its labels on every slider move, and building an `Intl.NumberFormat` costs far more than using
 * one.
 */
const cache = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.NumberFormat` for the language and options. */
export function formatter(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, options);
    cache.set(key, f);
  }
  return f;
}

const nonFinite = (n: number) => (Number.isNaN(n) ? '–' : n > 0 ? '∞' : '−∞');

/**
 * A number in en or es without ICU (every element's counts and percentages go through here): a
 * page's first `Intl.NumberFormat` costs ~17 ms (ICU loading its data), half of a funnel's first
 * render. Intl's text: the number's shortest digits (those Intl rounds, not the binary value's),
 * times 10^`shift`, rounded half away from zero to at most `digits` decimals, grouped (es from
 * five digits). Undefined, for Intl to write, when the number is negative or in exponent form.
 * `unit`: what follows the number, in en and es. A property test holds it to Intl's text.
 */
function quick(n: number, lang: Lang, digits: number, shift = 0, unit = ['', '']) {
  const s = String(n);
  if (1 / n < 0 || s.includes('e')) return;
  const [whole, part = ''] = s.split('.');
  const at = whole.length + shift + digits;
  const all = (whole + part).padEnd(at + 1, '0');
  const kept = String(BigInt(all.slice(0, at)) + BigInt(all[at] >= '5')).padStart(digits + 1, '0');
  let int = kept.slice(0, kept.length - digits);
  const frac = kept.slice(int.length).replace(/0+$/, '');
  const es = lang === 'es';
  if (int.length > (es ? 4 : 3)) int = int.replace(/\B(?=(\d{3})+$)/g, es ? '.' : ',');
  return (frac ? int + (es ? ',' : '.') + frac : int) + unit[+es];
}

/** Whole number with grouping: 1,234 / 1.234. */
export function formatInteger(n: number, lang: Lang): string {
  return formatNumber(n, lang, 0);
}

/** A count with up to `digits` decimals (expected values such as 12.5 deals). */
export function formatNumber(n: number, lang: Lang, digits = 1): string {
  if (!Number.isFinite(n)) return nonFinite(n);
  return quick(n, lang, digits) ?? formatter(lang, { maximumFractionDigits: digits }).format(n);
}

/** Compact form for labels: 1.2K, 3.4M (en) / 1,2 mil, 3,4 M (es). */
export function formatCompact(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return nonFinite(n);
  if (Math.abs(n) < 1000) return formatNumber(n, lang, Math.abs(n) < 10 ? 1 : 0);
  // Thousands (1.2K, 1,2 mil); from 999,950 on (Intl's 1M), Intl.
  return (
    (n < 999950 && quick(n, lang, 1, -3, ['K', '\u00a0mil'])) ||
    formatter(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(n)
  );
}

/** Money, compact when large: €2,500 / 2500 € / €1.2M. */
export function formatMoney(n: number, lang: Lang, currency: string, compact = false): string {
  if (!Number.isFinite(n)) return nonFinite(n);
  const big = compact && Math.abs(n) >= 10000;
  return formatter(lang, {
    style: 'currency',
    currency,
    // The least digits said: engines disagree on a compact currency's default (Node 20 writes
    // "$360.0K", Chromium "$360K"), and a server's labels must be a browser's.
    ...(big
      ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
      : { maximumFractionDigits: Number.isInteger(n) || Math.abs(n) >= 100 ? 0 : 2 }),
  }).format(n);
}

/** An exact amount, as a card or a total shows it: cents whenever it has any (€1,500.50). */
export function formatAmount(n: number, lang: Lang, currency: string): string {
  if (!Number.isFinite(n)) return nonFinite(n);
  const cents = Math.round(n * 100) % 100 !== 0;
  return formatter(lang, {
    style: 'currency',
    currency,
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 0,
  }).format(n);
}

/**
 * A share in [0, 1] as a percentage; more decimals for small shares (0.35 % stays visible) and,
 * symmetrically, for shares close to 1 (99.5 % is not 100 %).
 */
export function formatPercent(share: number, lang: Lang): string {
  if (!Number.isFinite(share)) return nonFinite(share);
  const abs = Math.abs(share);
  // Distance to the nearer of 0 and 1 (above 1 only the distance to 0 counts: 150 %).
  const gap = abs < 1 ? Math.min(abs, 1 - abs) : abs;
  const digits = gap === 0 || gap >= 0.1 ? 0 : gap >= 0.01 ? 1 : gap >= 0.001 ? 2 : 3;
  return (
    quick(share, lang, digits, 2, ['%', '\u00a0%']) ??
    formatter(lang, { style: 'percent', maximumFractionDigits: digits }).format(share)
  );
}

/** A change in percentage points: +5 pp / −2.5 pp (es: p. p.). */
export function formatPoints(delta: number, lang: Lang): string {
  if (!Number.isFinite(delta)) return nonFinite(delta);
  const n = formatter(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
    delta * 100,
  );
  return lang === 'es' ? `${n} p. p.` : `${n} pp`;
}

// In a module of its own so the analytics (loaded lazily by <sales-funnel pipeline>) share no
// module with the funnel's first load: a shared module would become a separate small file.
export { pickText } from './text.js';

/**
 * Maps any BCP 47 tag (`es-MX`, `en_GB`, `ES`) to a built-in language; English otherwise,
 * including for a value that is not text (`lang: 5` from plain JavaScript).
 */
export function toLang(tag: unknown): Lang {
  return typeof tag === 'string' && tag.toLowerCase().startsWith('es') ? 'es' : 'en';
}
