/**
 * Reading the plain attributes every element has (`theme`, `trials`, `stale-days`, `tab`,
 * `benchmark`, `orientation`…) one way: a usable value is taken; anything else falls back to
 * the default and comes with a problem the element reports through its `ErrorReporter`
 * (message in place, one console warning, one `error` event naming the field). Pure: no DOM.
 */

/** The `theme` values: a forced light or dark theme; without one the system preference decides. */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/** Why a value is not used, to be worded in the element's language by `problemText` (option-texts.ts). */
export type OptionProblem =
  | {
      kind: 'choice';
      field: string;
      value: string;
      allowed: readonly string[];
      /** The value used instead; `undefined` when the default is "none" (e.g. no theme forced). */
      fallback?: string;
    }
  | {
      kind: 'number';
      field: string;
      value: string;
      min: number;
      max: number;
      integer: boolean;
      fallback: number;
    };

export interface Read<T> {
  value: T;
  problem?: OptionProblem;
}

/** How a value that is no string is quoted back: `null`/`undefined` never reach here. */
const quote = (value: unknown): string =>
  typeof value === 'string' ? value : Number.isNaN(value) ? 'NaN' : String(value);

/**
 * One of `allowed`, or `fallback` with a problem. An absent value (`undefined`, `null`, `''`:
 * an attribute removed or never set) is the default, not a problem.
 */
export function readChoice<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): Read<T>;
export function readChoice<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
  fallback?: T,
): Read<T | undefined>;
export function readChoice<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
  fallback?: T,
): Read<T | undefined> {
  if (value === undefined || value === null || value === '') return { value: fallback };
  if (allowed.includes(value as T)) return { value: value as T };
  return {
    value: fallback,
    problem: { kind: 'choice', field, value: quote(value), allowed, fallback },
  };
}

/**
 * A finite number in [min, max] (whole with `integer`), or `fallback` with a problem. `raw` is
 * the attribute's text, quoted back when the property became `NaN` from it ("abc").
 */
export function readNumber(
  field: string,
  value: unknown,
  raw: string | null,
  limits: { min: number; max: number; integer?: boolean; fallback: number },
): Read<number> {
  const { min, max, fallback } = limits;
  const integer = limits.integer ?? false;
  if (value === undefined || value === null) return { value: fallback };
  const n = typeof value === 'number' ? value : NaN;
  if (Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n))) {
    return { value: n };
  }
  const shown = Number.isNaN(n) && raw !== null ? raw : quote(value);
  return {
    value: fallback,
    problem: { kind: 'number', field, value: shown, min, max, integer, fallback },
  };
}
