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
    }
  /** `strings` unreadable (`key` empty: a revoked Proxy, a throwing getter) or a text that is none. */
  | { kind: 'strings'; field: string; value: string };

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

/** Texts overriding an element's own, as read: once per object given. */
type Texts = Record<string, string>;
const readTexts = new WeakMap<object, Read<Texts | undefined>>();

/**
 * The `hasChanged` of every element's `strings` property (`attribute: false` beside it, written
 * out so the manifest sees it): each assignment is a change and is read afresh, even of the
 * object the property holds, so a page that edits its texts in place and sets the object again
 * sees them (between assignments, each object is read once).
 */
export const stringsChanged = (value: unknown): boolean =>
  // A WeakMap ignores what is not an object.
  (readTexts.delete(value as object), true);

/**
 * The texts of a `strings` property, each own key read once (a getter that answers differently
 * each time is asked only once per object); anything that is not text, or cannot be read at
 * all (a revoked Proxy, a getter that throws), is a problem and the element's own texts stay.
 */
export function readStrings(value: unknown): Read<Texts | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  const problem = (key: string): Read<undefined> => ({
    value: undefined,
    problem: { kind: 'strings', field: 'strings', value: key },
  });
  if (typeof value !== 'object') return problem('');
  let read = readTexts.get(value);
  if (!read) {
    try {
      const texts: Texts = {};
      for (const key of Object.keys(value)) {
        const text: unknown = (value as Record<string, unknown>)[key];
        if (typeof text !== 'string') throw key.slice(0, 40);
        texts[key] = text;
      }
      read = { value: texts };
    } catch (key) {
      read = problem(typeof key === 'string' ? key : '');
    }
    readTexts.set(value, read);
  }
  return read;
}
