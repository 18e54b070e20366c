import type { Lang } from './types.js';
import type { Issue } from './validate-core.js';
import { checkScenario, SCENARIO_KEYS } from './validate-scenario.js';

/**
 * A scenario's JSON text of tens of thousands of keys, read without building them: `JSON.parse`
 * of a 1 MB object of 48,000 unknown keys spends most of its time making that object, and
 * `Object.keys` as much again listing it, for a reader that lists 100 of them and counts the
 * rest. Here the text's top-level object is scanned instead (every part of it checked to be
 * JSON as it goes), and only the keys a reader can look at are parsed: the first `KEEP` in the
 * order `Object.keys` gives, the scenario's own and every one holding an object or array. The
 * others are all unknown and all past the error cap, so each is one problem counted: the
 * reader's verdict on the smaller object, with those added to its count, is the one it gives
 * on the whole (test/model/wide.property.test.ts holds it to that on generated texts).
 * `<sales-funnel>` loads this module only for a text over `WIDE_TEXT` characters; anything this
 * scan does not expect (broken JSON, keys such as "4294967295") is read the usual way.
 */

/**
 * Past this many keys a reader's error list is full: each key but its own known ones
 * (at most `SCENARIO_KEYS.length`) is a problem, and the list holds MAX_ERRORS (100).
 */
export const KEEP = 100 + SCENARIO_KEYS.length;

/** An array index (sorted first by `Object.keys`), short enough to be one whatever the engine. */
const INDEX = /^(?:0|[1-9][0-9]{0,8})$/;
const LONG_INDEX = /^[1-9][0-9]{9,}$/;

/** Whether the last string `stringEnd` read had an escape in it. */
let escaped = false;

/** After the JSON whitespace at `i`. */
function skipSpace(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9;) {
    c = text.charCodeAt(++i);
  }
  return i;
}

/** After the JSON string opening at `i` (a `"`), or -1 where it breaks the grammar. */
function stringEnd(text: string, i: number): number {
  escaped = false;
  for (i += 1; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 32) return -1;
    if (c !== 92) {
      i += 1;
      continue;
    }
    escaped = true;
    const next = text[i + 1];
    if (next === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -1;
      i += 6;
    } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
    else return -1;
  }
  return -1;
}

/** After the digits at `i` (at least one), or -1. */
function digitsEnd(text: string, i: number): number {
  const from = i;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57;) c = text.charCodeAt(++i);
  return i > from ? i : -1;
}

/** After the JSON number at `i`, or -1. */
function numberEnd(text: string, i: number): number {
  if (text.charCodeAt(i) === 45) i += 1; // -
  if (text.charCodeAt(i) === 48)
    i += 1; // a leading 0 stands alone
  else if ((i = digitsEnd(text, i)) < 0) return -1;
  if (text.charCodeAt(i) === 46 && (i = digitsEnd(text, i + 1)) < 0) return -1; // .
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    const sign = text.charCodeAt(i + 1);
    i = digitsEnd(text, i + (sign === 43 || sign === 45 ? 2 : 1));
  }
  return i;
}

/**
 * After the object or array opening at `i`, or -1: its strings are read as such (a bracket in
 * one is text), the rest is checked by `JSON.parse`, which every nested value goes through.
 */
function nestedEnd(text: string, i: number): number {
  let depth = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      if ((i = stringEnd(text, i)) < 0) return -1;
      continue;
    }
    if (c === 123 || c === 91) depth += 1;
    else if (c === 125 || c === 93) depth -= 1;
    i += 1;
    if (depth === 0) return i;
  }
  return -1;
}

/** After the value at `i`, or -1; `nested` tells whether it is an object or array. */
function valueEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  if (c === '{' || c === '[') return nestedEnd(text, i);
  for (const word of ['true', 'false', 'null'])
    if (text.startsWith(word, i)) return i + word.length;
  return numberEnd(text, i);
}

/** FNV-1a of the text between `from` and `to`. */
function hashOf(text: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0; // an int32, as the table stores it
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * The top-level object's members, each key once: where its key is written (between the quotes)
 * and where its last value is. Keys are told apart by their text in place, in a hash table of
 * positions: a string for each of 48,000 keys would cost what `JSON.parse` does. A key with an
 * escape, which could be written another way, is not expected.
 */
class Members {
  size = 0;
  /** Per member: key from, key to, value from, value to, hash. */
  readonly at: Int32Array;
  readonly nested: Uint8Array;
  /** Member numbers + 1 by hash; half empty at least. */
  private readonly table: Int32Array;

  constructor(private readonly text: string) {
    // A member takes 4 characters at least (`"":0,`).
    const most = Math.ceil(text.length / 4) + 1;
    this.at = new Int32Array(most * 5);
    this.nested = new Uint8Array(most);
    this.table = new Int32Array(1 << Math.ceil(Math.log2(most * 2)));
  }

  key(m: number): string {
    return this.text.slice(this.at[m * 5], this.at[m * 5 + 1]);
  }

  hash(m: number): number {
    return this.at[m * 5 + 4];
  }

  /** The member whose key is written between `from` and `to`; -1 when it is new (then added). */
  find(from: number, to: number): number {
    const { table, text, at } = this;
    const h = hashOf(text, from, to);
    const mask = table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const m = table[slot] - 1;
      if (m < 0) {
        table[slot] = this.size + 1;
        const base = this.size++ * 5;
        at[base] = from;
        at[base + 1] = to;
        at[base + 4] = h;
        return -1;
      }
      const start = at[m * 5];
      if (at[m * 5 + 4] !== h || at[m * 5 + 1] - start !== to - from) continue;
      let i = 0;
      while (i < to - from && text.charCodeAt(start + i) === text.charCodeAt(from + i)) i++;
      if (i === to - from) return m;
    }
  }
}

/** MAX_JSON_LENGTH (validate-core.ts; a test holds them equal): longer texts are refused unread. */
export const MAX_JSON_LENGTH = 1_000_000;

/**
 * The text parsed whole and checked, as `<sales-funnel>` reads it otherwise, so that a text the
 * scan does not expect is still parsed once only: `undefined` when the scenario is valid.
 */
function checkWhole(text: string, lang: Lang): { ok: false; issues: Issue[] } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      issues: [{ path: '', code: 'json-invalid', reason: (e as Error).message, text }],
    };
  }
  const checked = checkScenario(value, { lang });
  return checked.ok ? undefined : checked;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The top-level object's members, or `undefined` for text this scan does not expect. */
function members(text: string): { all: Members; indices: number[] } | undefined {
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== 123) return undefined;
  const all = new Members(text);
  const indices: number[] = [];
  for (;;) {
    const at = skipSpace(text, i + 1);
    if (text.charCodeAt(at) !== 34) return undefined;
    const keyEnd = stringEnd(text, at);
    if (keyEnd < 0 || escaped) return undefined;
    i = skipSpace(text, keyEnd);
    if (text.charCodeAt(i) !== 58) return undefined;
    const from = skipSpace(text, i + 1);
    const to = valueEnd(text, from);
    if (to < 0) return undefined;
    let m = all.find(at + 1, keyEnd - 1);
    if (m < 0) {
      m = all.size - 1;
      const digit = text.charCodeAt(at + 1);
      if (digit >= 48 && digit <= 57) {
        const key = all.key(m);
        if (LONG_INDEX.test(key)) return undefined;
        if (INDEX.test(key)) indices.push(m);
      }
    } else if (all.nested[m] && !isJson(text.slice(all.at[m * 5 + 2], all.at[m * 5 + 3]))) {
      // Its earlier value, replaced, is not parsed with the kept ones: it is checked here.
      return undefined;
    }
    all.at[m * 5 + 2] = from;
    all.at[m * 5 + 3] = to;
    const open = text.charCodeAt(from);
    all.nested[m] = open === 123 || open === 91 ? 1 : 0;
    i = skipSpace(text, to);
    const next = text.charCodeAt(i);
    if (next === 125) break; // }
    if (next !== 44) return undefined; // ,
  }
  if (skipSpace(text, i + 1) !== text.length) return undefined;
  return { all, indices: indices.sort((a, b) => Number(all.key(a)) - Number(all.key(b))) };
}

/**
 * `checkScenario`'s issues with the scenario `text` stands for, read without building its
 * surplus keys; or `undefined` when it has too few to matter or is not as this scan expects
 * (read it whole).
 */
export function checkWide(text: string, lang: Lang): { ok: false; issues: Issue[] } | undefined {
  // Refused unread, or not a scenario's object (a compared text may be stage counts): as before.
  if (text.length > MAX_JSON_LENGTH || !/^[ \t\n\r]*\{/.test(text)) return undefined;
  const read = members(text);
  if (!read || read.all.size <= KEEP) return checkWhole(text, lang);
  const { all, indices } = read;
  const known = new Set(SCENARIO_KEYS.map((k) => hashOf(k, 0, k.length)));
  const isKnown = (m: number) =>
    known.has(all.hash(m)) && (SCENARIO_KEYS as readonly string[]).includes(all.key(m));
  // In `Object.keys` order: array indices first, in order, then the rest as they first appear.
  const kept: number[] = [];
  let place = 0;
  const keep = (m: number) => {
    if (place++ < KEEP || all.nested[m] || isKnown(m)) kept.push(m);
  };
  indices.forEach(keep);
  const index = new Set(indices);
  for (let m = 0; m < all.size; m++) if (!index.has(m)) keep(m);
  const omitted = all.size - kept.length;
  if (omitted === 0) return checkWhole(text, lang);
  let value: unknown;
  try {
    const member = (m: number) =>
      `"${all.key(m)}":${text.slice(all.at[m * 5 + 2], all.at[m * 5 + 3])}`;
    value = JSON.parse(`{${kept.map(member).join(',')}}`);
  } catch {
    return checkWhole(text, lang);
  }
  const checked = checkScenario(value, { lang });
  if (checked.ok) return undefined; // cannot be, with more than KEEP keys
  const issues = [...checked.issues];
  const last = issues[issues.length - 1];
  if (last?.code === 'too-many-errors' && 'params' in last && last.params) {
    issues[issues.length - 1] = {
      ...last,
      params: { count: Number(last.params.count) + omitted },
    };
  } else issues.push({ path: '', code: 'too-many-errors', params: { count: omitted } });
  return { ok: false, issues };
}
