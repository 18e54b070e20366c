import { toLang } from './format.js';
import type { ErrorCode, ValueKind } from './messages.js';
import type { Lang, LocalizedText, StageCount } from './types.js';

/**
 * The validation readers behind validate.ts: those every input shares, and those of stage
 * counts and of JSON text (a scenario's own are in validate-scenario.ts, which builds on these).
 * They find every problem, but leave out what only wording a problem needs: each comes back as
 * an `Issue`, which explain.ts turns into a `ValidationError` (the key a misspelt one was meant
 * to be, how a number written as text is written, where a JSON text breaks) and messages.ts
 * puts in words. A bundle that validates through the readers alone can load those two with
 * `import()` when something is actually wrong, as the embeddable `<sales-funnel>` does (most
 * pages never show an error). Everyone else imports validate.ts, whose parsers return the
 * errors with their messages.
 *
 * Every function here takes `unknown`, never throws, and returns either a fresh, normalized
 * value built from plain object literals (nothing of the input's objects is reused, so a
 * `__proto__` key can never reach a prototype) or every problem found, each naming its field.
 */

export interface ParseOptions {
  /** Language of the error messages. Default `en`. */
  lang?: Lang;
}

export const MIN_STAGES = 1;
export const MAX_STAGES = 50;
export const MAX_NAME_LENGTH = 80;
/** A trillion leads: far beyond any real funnel, still exact in a double. */
export const MAX_LEADS = 1e12;
/** Money above this is surely a typo, and products with it would lose integer precision. */
export const MAX_MONEY = 1e15;
/** Ten years: the longest stage duration we accept. */
export const MAX_DAYS = 3650;
/** Attribute JSON text longer than this (about 1 MB) is refused before parsing. */
export const MAX_JSON_LENGTH = 1_000_000;
/** Past this many, errors are counted, not listed: a message nobody reads helps nobody. */
export const MAX_ERRORS = 100;
/** At most this many did-you-mean searches per parse (explain.ts), however many keys are unknown. */
export const MAX_SUGGESTIONS = 100;

/**
 * The work the readers and `explainAll` have done since the page loaded (a test resets it): the
 * keys looked at one by one, and the did-you-mean searches run. Both are bounded per parse,
 * whatever the input, so that a 1 MB attribute of unknown keys is one short task.
 */
export const validationWork = { keysChecked: 0, suggestions: 0 };

/** Keys that would reach `Object.prototype` if copied naively. Refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const COUNT_KEYS = ['name', 'names', 'value'] as const;
const NAMES_KEYS = ['es', 'en'] as const;

export type Obj = Record<string, unknown>;

/** The values an error's message quotes. */
export type Params = Record<string, string | number>;

/**
 * A problem a reader found: an error but for its message or, where saying what is wrong takes
 * more work than seeing it, what was found, for `explain` (explain.ts) to work out the exact
 * code and params. `code` is the general one (`not-number` for "35 %", which `explain` makes
 * `percent-text`), so every issue names its field and its kind as it stands.
 */
export type Issue =
  | { path: string; code: ErrorCode; params?: Params }
  /** Text, NaN or ±Infinity where a number of this kind should be: how is it written? */
  | { path: string; code: 'not-number'; value: string | number; kind: NumberKind }
  /** A key that is none of `known`: which one was meant? */
  | { path: string; code: 'unknown-key'; key: string; known: readonly string[] }
  /** Text `JSON.parse` refused (`reason` is its error message): where does it break? */
  | { path: string; code: 'json-invalid'; reason: string; text: string };

/** What a reader returns: the normalized value, or every problem found. */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Collects the issues; past MAX_ERRORS they are only counted. */
export class Problems {
  readonly list: Issue[] = [];
  private dropped = 0;

  add(path: string, code: ErrorCode, params?: Params): void {
    this.found(params ? { path, code, params } : { path, code });
  }

  found(issue: Issue): void {
    if (this.list.length < MAX_ERRORS) this.list.push(issue);
    else this.dropped += 1;
  }

  /**
   * Reports that `value` is not of the kind `code` asks for ("must be a number, not text"). Its
   * kind is taken here, within `guarded`, not by `explain`: `Array.isArray` throws for a
   * revoked proxy.
   */
  wrong(path: string, code: ErrorCode, value: unknown): undefined {
    this.add(path, code, { actual: kindOf(value) });
    return undefined;
  }

  /** Counts `n` problems that are not looked at one by one, once the list is full. */
  skip(n: number): void {
    this.dropped += n;
  }

  /** Whether further problems would only be counted. */
  get full(): boolean {
    return this.list.length >= MAX_ERRORS;
  }

  get count(): number {
    return this.list.length + this.dropped;
  }

  finish(): Issue[] {
    return this.dropped > 0
      ? [...this.list, { path: '', code: 'too-many-errors', params: { count: this.dropped } }]
      : this.list;
  }
}

const KINDS = ['object', 'string', 'number', 'boolean'];

function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return KINDS.includes(type) ? (type as ValueKind) : 'other';
}

/** Plain objects only: JSON objects, `{}` literals, `Object.create(null)`; not Dates, Maps, arrays. */
export function isPlainObject(value: unknown): value is Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The value as a plain object, or `undefined` after reporting that it is not one. */
export function readObject(value: unknown, path: string, p: Problems): Obj | undefined {
  return isPlainObject(value) ? value : p.wrong(path, 'not-object', value);
}

/** An own property only: `obj.constructor` on a plain object would otherwise be `Object`. */
export function own(obj: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** Long user text is cut before it is quoted back in a message. */
export function preview(text: string, max = 40): string {
  const chars = Array.from(text.slice(0, max * 2));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

export function join(parent: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key) && key.length <= 40) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(preview(key))}]`;
}

/**
 * Reports unknown and forbidden keys of `obj`; the known ones are read by the caller. Once the
 * list of problems is full the rest of the keys are counted, not walked: every key but the
 * known ones is a problem, and the known ones present are found by asking for each.
 */
export function checkKeys(obj: Obj, path: string, known: readonly string[], p: Problems): void {
  const keys = Object.keys(obj);
  let knownSeen = 0;
  for (let i = 0; i < keys.length; i++) {
    if (p.full) {
      const knownPresent = known.filter((k) => Object.prototype.propertyIsEnumerable.call(obj, k));
      p.skip(keys.length - i - (knownPresent.length - knownSeen));
      return;
    }
    validationWork.keysChecked += 1;
    const key = keys[i];
    if (FORBIDDEN_KEYS.has(key)) {
      p.add(path, 'forbidden-key', { key });
    } else if (known.includes(key)) {
      knownSeen += 1;
    } else {
      p.found({ path: join(path, key), code: 'unknown-key', key, known });
    }
  }
}

/** `35` → `0.35` without `0.35000000000000003`. */
export const toShare = (percent: number) => Number((percent / 100).toPrecision(12));

/** What a number is read as: any number, or a share in [0, 1] (`closed`) or [0, 1) (`open`). */
export type NumberKind = 'number' | 'closed' | 'open';

/** The range error of a share (text such as `"150 %"` is quoted back as it was given). */
export const shareRange = (kind: NumberKind): ErrorCode =>
  kind === 'open' ? 'repeat-range' : 'rate-range';

/**
 * A finite number, or `undefined` after reporting why not: text (`"35 %"`, `"1.000"`) and
 * non-finite numbers are handed to `explain` with the kind of number asked for.
 */
export function readNumber(
  value: unknown,
  path: string,
  p: Problems,
  kind: NumberKind = 'number',
): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'number' && typeof value !== 'string') {
    return p.wrong(path, 'not-number', value);
  }
  p.found({ path, code: 'not-number', value, kind });
  return undefined;
}

/** A number in [0, max] (money, days), or a whole one (a count) when `whole` is set. */
export function readAmount(
  value: unknown,
  path: string,
  p: Problems,
  max: number,
  whole = false,
): number | undefined {
  const n = readNumber(value, path, p);
  if (n === undefined) return undefined;
  if (n < 0) p.add(path, 'negative', { value: n });
  else if (whole && !Number.isInteger(n)) p.add(path, 'not-integer', { value: n });
  else if (n > max) p.add(path, 'too-large', { value: n, max });
  else return n === 0 ? 0 : n; // -0 → 0
  return undefined;
}

/** A whole number in [0, max]. */
export const readCount = (value: unknown, path: string, p: Problems, max: number) =>
  readAmount(value, path, p, max, true);

/** A trimmed, non-empty name of at most MAX_NAME_LENGTH characters. */
export function readName(value: unknown, path: string, p: Problems): string | undefined {
  if (typeof value !== 'string') return p.wrong(path, 'not-string', value);
  const text = value.trim();
  // Splitting into code points is exact but needs memory: a 10 MB string is plainly too long.
  const length = text.length > MAX_NAME_LENGTH * 2 ? text.length : Array.from(text).length;
  const control = CONTROL_CHAR.exec(text);
  if (length === 0) p.add(path, 'name-empty');
  else if (length > MAX_NAME_LENGTH) p.add(path, 'name-too-long', { length, max: MAX_NAME_LENGTH });
  else if (control) p.add(path, 'name-control', { char: codePoint(control[0]) });
  else return text;
  return undefined;
}

/** Line breaks, tabs, NUL, DEL…: invisible or layout-breaking in a label, so refused in names. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHAR = /[\u0000-\u001f\u007f]/;

/** `U+000A` for a line feed. */
const codePoint = (c: string) =>
  'U+' + (c.charCodeAt(0) + 0x10000).toString(16).slice(1).toUpperCase();

function readNames(value: unknown, path: string, p: Problems): LocalizedText | undefined {
  const obj = readObject(value, path, p);
  if (!obj) return undefined;
  const before = p.count;
  checkKeys(obj, path, NAMES_KEYS, p);
  const names: LocalizedText = {};
  for (const lang of NAMES_KEYS) {
    const raw = own(obj, lang);
    if (raw === undefined) continue;
    const name = readName(raw, join(path, lang), p);
    if (name !== undefined) names[lang] = name;
  }
  return p.count === before ? names : undefined;
}

/** `name`, or failing that the `names` entry for `lang` (then English, then Spanish). */
export function readStageName(
  obj: Obj,
  path: string,
  p: Problems,
  lang: Lang,
): { name?: string; names?: LocalizedText } {
  const names =
    own(obj, 'names') === undefined ? undefined : readNames(obj.names, join(path, 'names'), p);
  const raw = own(obj, 'name');
  if (raw !== undefined) {
    const name = readName(raw, join(path, 'name'), p);
    return { name, names };
  }
  const fallback = names?.[lang] ?? names?.en ?? names?.es;
  // Invalid `names` were reported already; a missing or empty one leaves the stage nameless.
  if (fallback === undefined && (names !== undefined || own(obj, 'names') === undefined)) {
    p.add(join(path, 'name'), 'required');
  }
  return { name: fallback, names };
}

/** The list itself: an array of 1..MAX_STAGES entries (entries are read by the caller). */
export function readList(value: unknown, path: string, p: Problems): unknown[] | undefined {
  if (value === undefined) {
    p.add(path, 'required');
    return undefined;
  }
  if (!Array.isArray(value)) return p.wrong(path, 'not-array', value);
  if (value.length < MIN_STAGES) p.add(path, 'stages-empty');
  else if (value.length > MAX_STAGES)
    p.add(path, 'stages-too-many', { count: value.length, max: MAX_STAGES });
  else return Array.from(value); // holes of a sparse array become undefined entries
  return undefined;
}

/** Runs a parser, turning a throw (only possible for non-JSON values: getters, proxies) into an error. */
export function guarded<T>(parse: (p: Problems) => T | undefined): Checked<T> {
  const p = new Problems();
  let value: T | undefined;
  try {
    value = parse(p);
  } catch {
    p.add('', 'unreadable');
  }
  return value !== undefined && p.count === 0
    ? { ok: true, value }
    : { ok: false, issues: p.finish() };
}

/** `parseStageCounts` (validate.ts), with its errors as issues. */
export function checkStageCounts(
  input: unknown,
  options: ParseOptions = {},
): Checked<StageCount[]> {
  const lang = toLang(options?.lang);
  return guarded((p) => {
    const list = readList(input, '', p);
    if (!list) return undefined;
    const counts = list.map((item, i): StageCount | undefined => {
      const path = `[${i}]`;
      const obj = readObject(item, path, p);
      if (!obj) return undefined;
      checkKeys(obj, path, COUNT_KEYS, p);
      const { name, names } = readStageName(obj, path, p, lang);
      const raw = own(obj, 'value');
      let value: number | null | undefined = null;
      if (raw === undefined) p.add(join(path, 'value'), 'required');
      else if (raw !== null) value = readAmount(raw, join(path, 'value'), p, Number.MAX_VALUE);
      if (name === undefined || value === undefined) return undefined;
      return { name, ...(names ? { names } : {}), value };
    });
    return p.count === 0 ? (counts as StageCount[]) : undefined;
  });
}

/** `parseJsonAttribute` (validate.ts) of a string, with its errors as issues. */
export function checkJsonAttribute(text: string, field: string): Checked<unknown> {
  const p = new Problems();
  if (text.length > MAX_JSON_LENGTH) {
    p.add(field, 'json-too-large', { size: text.length, max: MAX_JSON_LENGTH });
  } else if (text.trim() === '') {
    p.add(field, 'json-empty');
  } else {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      p.found({ path: field, code: 'json-invalid', reason, text });
    }
  }
  return { ok: false, issues: p.finish() };
}
