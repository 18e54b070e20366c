import {
  checkJsonAttribute,
  MAX_ERRORS,
  MAX_JSON_LENGTH,
  SCAN_FROM,
  SURPLUS_KEY,
  validationWork,
  type Checked,
} from './validate-core.js';

/**
 * JSON text read for the validation readers, with bounded work however wide its objects are.
 *
 * `JSON.parse` of a 1 MB text of 48,000 unknown keys builds an object of 48,000 properties
 * (about 60–120 ms in Chromium) that the readers then refuse after looking at 100 of them. Here
 * a large text is first scanned in one `charCodeAt` pass that checks its grammar and, in any
 * object with more than MAX_ERRORS distinct keys no reader knows, leaves the surplus of those
 * out of the text `JSON.parse` reads; their number goes into the object as its SURPLUS_KEY,
 * which `checkKeys` (validate-core.ts) adds to the keys it counts once the list of problems is
 * full. The kept keys are every key a reader knows (anywhere), every key of digits only (they
 * come first in `Object.keys`), and the first MAX_ERRORS distinct others, so the readers list
 * the same problems and count the same total as with the whole object: the walk is full before
 * it would reach any key left out, and a repeated key keeps the fate of its first occurrence.
 * A text the scan refuses is parsed whole, so a syntax error gets the engine's own message.
 *
 * Only for readers: a wide object comes back with keys left out (it is always refused, having
 * MAX_ERRORS unknown keys at least). `parseJsonAttribute` still returns the whole value.
 */

/**
 * Every key a reader knows: those of validate-core.ts, validate-scenario.ts and the
 * simulator's deck (sales-simulator/model/deck.ts), and the forbidden ones. A key here is never
 * left out (test/model/json-text.test.ts checks every reader's list is in it).
 */
export const READER_KEYS: readonly string[] = [
  ['__proto__', 'constructor', 'prototype'],
  ['name', 'names', 'value', 'es', 'en'],
  ['leads', 'dealValue', 'stages', 'wonStage', 'currency', 'costPerLead', 'spend', 'margin'],
  ['repeatRate', 'retention', 'dealValueSd', 'rate', 'observed', 'days', 'benchmark', 'won', 'of'],
  ['title', 'steps', 'note', 'scenario', 'change', 'stage', 'points'],
].flat();

const READER_KEY_SET = new Set(READER_KEYS);
/** The reader keys by length, to match a key in the text without cutting it out. */
const BY_LENGTH: string[][] = [];
for (const key of READER_KEYS) (BY_LENGTH[key.length] ??= []).push(key);

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const HASH_PRIME = 16777619;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The high bits of a hash mixed into its low ones, which pick its slot (murmur3's finish). */
function mix(hash: number): number {
  let h = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const ESCAPED = 1;
const SPECIAL = 2;
const KEPT = 4;
/** In a table's flags: the slot holds a key. */
const TAKEN = 8;

/** The key between `start` and `end` (its quotes' insides) of `text`, escapes read. */
const keyAt = (text: string, start: number, end: number) =>
  JSON.parse(text.slice(start - 1, end + 1)) as string;

function sameKey(text: string, a: number, aEnd: number, b: number, bEnd: number, escaped: boolean) {
  if (escaped) return keyAt(text, a, aEnd) === keyAt(text, b, bEnd);
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++)
    if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** The first occurrence of each key of a wide object, by hash, with its flags (open addressing). */
class KeyTable {
  private hashes = new Int32Array(512);
  private starts = new Int32Array(512);
  private ends = new Int32Array(512);
  private flags = new Uint8Array(512);
  private used = 0;

  /**
   * The flags of the first occurrence of the key from `start` to `end`; when this is the first,
   * `flags` are remembered for it and -1 is returned.
   */
  firstFlags(text: string, start: number, end: number, hash: number, flags: number): number {
    const mask = this.hashes.length - 1;
    let at = hash & mask;
    for (; this.flags[at]; at = (at + 1) & mask) {
      if (this.hashes[at] !== hash) continue;
      const escaped = ((this.flags[at] | flags) & ESCAPED) !== 0;
      if (sameKey(text, this.starts[at], this.ends[at], start, end, escaped)) return this.flags[at];
    }
    this.put(at, start, end, hash, flags);
    return -1;
  }

  private put(at: number, start: number, end: number, hash: number, flags: number): void {
    this.hashes[at] = hash;
    this.starts[at] = start;
    this.ends[at] = end;
    this.flags[at] = flags | TAKEN;
    if (++this.used * 2 < this.hashes.length) return;
    const { hashes, starts, ends, flags: old } = this;
    const size = hashes.length * 2;
    [this.hashes, this.starts, this.ends, this.flags] = [
      new Int32Array(size),
      new Int32Array(size),
      new Int32Array(size),
      new Uint8Array(size),
    ];
    for (let k = 0; k < old.length; k++) {
      if (!old[k]) continue;
      let slot = hashes[k] & (size - 1);
      while (this.flags[slot]) slot = (slot + 1) & (size - 1);
      this.hashes[slot] = hashes[k];
      this.starts[slot] = starts[k];
      this.ends[slot] = ends[k];
      this.flags[slot] = old[k];
    }
  }
}

/** An object or array being scanned; an object's keys with their fates once it is wide. */
class ObjectScan {
  array = false;
  /** Inside a member left out: only the grammar is checked. */
  ignored = false;
  members = 0;
  /** The first MAX_ERRORS members, until the table takes them. */
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly hashes: number[] = [];
  /** ESCAPED, SPECIAL (a reader key or digits), KEPT. */
  readonly flags: number[] = [];
  table?: KeyTable;
  /** Distinct keys kept that are neither reader keys nor digits. */
  others = 0;
  /** Distinct keys left out. */
  dropped = 0;
  /** Where the last member's value ended: a member left out is cut from there. */
  lastEnd = 0;
  /** Where the member being read starts to be cut, when it is left out. */
  cutFrom = -1;

  reset(array: boolean, ignored: boolean): void {
    this.array = array;
    this.ignored = ignored;
    this.members = this.others = this.dropped = 0;
    this.cutFrom = -1;
    this.table = undefined;
    this.starts.length = this.ends.length = this.hashes.length = this.flags.length = 0;
  }
}

/**
 * The text with the surplus keys of its wide objects left out (and counted in SURPLUS_KEY), or
 * `undefined` when nothing is left out or the scan cannot vouch for the text (a syntax error, a
 * key equal to SURPLUS_KEY): then it is parsed whole.
 */
export function slimJson(text: string): string | undefined {
  return new Scan(text).run();
}

class Scan {
  private readonly n: number;
  private readonly frames: ObjectScan[] = [];
  private depth = 0;
  /** Pieces to replace: start, end and the text put instead, in document order. */
  private readonly edits: { start: number; end: number; insert: string }[] = [];
  /** A random seed, so that no text can make every key collide. */
  private readonly seed = (Math.random() * 0x7fffffff) | 0;

  constructor(private readonly text: string) {
    this.n = text.length;
  }

  run(): string | undefined {
    validationWork.scannedChars += this.n;
    const { text } = this;
    let i = this.ws(0);
    for (;;) {
      // A value starts at i.
      const c = text.charCodeAt(i);
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        const frame = this.open(c === OPEN_ARRAY);
        i = this.ws(i + 1);
        if (text.charCodeAt(i) === (frame.array ? CLOSE_ARRAY : CLOSE_OBJECT)) {
          this.depth -= 1;
          i += 1;
        } else {
          if (!frame.array) i = this.member(i, frame);
          if (i < 0) return undefined;
          continue;
        }
      } else {
        i = this.scalar(i);
        if (i < 0) return undefined;
      }
      // After a value: the next member or entry, or the end of what holds it.
      for (;;) {
        if (this.depth === 0) return this.ws(i) === this.n ? this.slim() : undefined;
        const frame = this.frames[this.depth - 1];
        if (!frame.array) this.memberEnd(frame, i);
        i = this.ws(i);
        const next = text.charCodeAt(i);
        if (next === COMMA) {
          i = this.ws(i + 1);
          if (!frame.array) i = this.member(i, frame);
          if (i < 0) return undefined;
          break;
        }
        if (next !== (frame.array ? CLOSE_ARRAY : CLOSE_OBJECT)) return undefined;
        if (frame.dropped > 0) {
          const insert = `,${JSON.stringify(SURPLUS_KEY)}:${frame.dropped}`;
          this.edits.push({ start: i, end: i, insert });
        }
        this.depth -= 1;
        i += 1;
      }
    }
  }

  private open(array: boolean): ObjectScan {
    const parent = this.frames[this.depth - 1];
    const ignored = parent ? parent.ignored || parent.cutFrom >= 0 : false;
    const frame = (this.frames[this.depth] ??= new ObjectScan());
    frame.reset(array, ignored);
    this.depth += 1;
    return frame;
  }

  /** The member of `frame` whose key starts at `i`: read, its fate decided; where its value starts. */
  private member(i: number, frame: ObjectScan): number {
    const { text } = this;
    if (text.charCodeAt(i) !== QUOTE) return -1;
    const start = i + 1;
    let hash = this.seed;
    let digits = true;
    let escaped = false;
    let j = start;
    for (; ; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) break;
      if (!(c >= 0x20)) return -1; // a control character, or the end of the text (NaN)
      if (c === BACKSLASH) {
        const after = this.escape(j);
        if (after < 0) return -1;
        escaped = true;
        j = after - 1;
        continue;
      }
      hash = Math.imul(hash ^ c, HASH_PRIME);
      if (!isDigit(c)) digits = false;
    }
    const end = j;
    hash = mix(hash);
    let colon = this.ws(end + 1);
    if (text.charCodeAt(colon) !== COLON) return -1;
    colon = this.ws(colon + 1);
    if (frame.ignored) return colon;
    let special: boolean;
    if (escaped) {
      const key = JSON.parse(text.slice(start - 1, end + 1)) as string;
      if (key === SURPLUS_KEY) return -1;
      hash = this.hash(key);
      special = READER_KEY_SET.has(key) || /^\d+$/.test(key);
    } else {
      special = (digits && end > start) || this.readerKeyAt(start, end);
    }
    this.decide(frame, start, end, hash, escaped, special);
    return colon;
  }

  /** Where the escape at `j` (a backslash) ends, or -1 when it is none JSON has. */
  private escape(j: number): number {
    const c = this.text.charCodeAt(j + 1);
    if (c === 117) {
      // \uXXXX
      for (let k = j + 2; k < j + 6; k++) {
        const h = this.text.charCodeAt(k) | 0x20;
        if (!((h >= 48 && h <= 57) || (h >= 97 && h <= 102))) return -1;
      }
      return j + 6;
    }
    // " \ / b f n r t
    return c === 34 ||
      c === 92 ||
      c === 47 ||
      c === 98 ||
      c === 102 ||
      c === 110 ||
      c === 114 ||
      c === 116
      ? j + 2
      : -1;
  }

  private hash(key: string): number {
    let hash = this.seed;
    for (let k = 0; k < key.length; k++) hash = Math.imul(hash ^ key.charCodeAt(k), HASH_PRIME);
    return mix(hash);
  }

  private readerKeyAt(start: number, end: number): boolean {
    const candidates = BY_LENGTH[end - start];
    if (candidates === undefined) return false;
    const first = this.text.charCodeAt(start);
    for (const k of candidates) {
      if (k.charCodeAt(0) === first && this.text.startsWith(k, start)) return true;
    }
    return false;
  }

  /** Keeps or leaves out the member just read (its key from `start` to `end`). */
  private decide(
    frame: ObjectScan,
    start: number,
    end: number,
    hash: number,
    escaped: boolean,
    special: boolean,
  ): void {
    const { text } = this;
    frame.members += 1;
    let flags = (escaped ? ESCAPED : 0) | (special ? SPECIAL : 0) | KEPT;
    if (frame.table) {
      // Its fate if it is the first of its key: kept while the others kept are too few.
      const other = !special;
      if (other && frame.others >= MAX_ERRORS) flags &= ~KEPT;
      const first = frame.table.firstFlags(text, start, end, hash, flags);
      if (first >= 0) flags = first;
      else if (!(flags & KEPT)) frame.dropped += 1;
      else if (other) frame.others += 1;
    } else {
      frame.starts.push(start);
      frame.ends.push(end);
      frame.hashes.push(hash);
      frame.flags.push(flags);
      if (frame.members === MAX_ERRORS) {
        // Wide enough to matter: its keys so far (all kept) go into the table.
        const table = (frame.table = new KeyTable());
        for (let k = 0; k < frame.members; k++) {
          const f = frame.flags[k];
          const first = table.firstFlags(text, frame.starts[k], frame.ends[k], frame.hashes[k], f);
          if (first < 0 && !(f & SPECIAL)) frame.others += 1;
        }
      }
    }
    // A repeat of a key left out is cut too, but it was counted with the first.
    if (!(flags & KEPT)) frame.cutFrom = frame.lastEnd;
  }

  /** The member of `frame` just read ends at `i`: cut out when it is left out. */
  private memberEnd(frame: ObjectScan, i: number): void {
    if (frame.cutFrom >= 0) {
      const last = this.edits[this.edits.length - 1];
      // Members left out one after another make one cut.
      if (last && last.end === frame.cutFrom && last.insert === '') last.end = i;
      else this.edits.push({ start: frame.cutFrom, end: i, insert: '' });
      frame.cutFrom = -1;
    }
    frame.lastEnd = i;
  }

  /** Where the string, number, `true`, `false` or `null` at `i` ends, or -1. */
  private scalar(i: number): number {
    const { text } = this;
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (let j = i + 1; ; j++) {
        const d = text.charCodeAt(j);
        if (d === QUOTE) return j + 1;
        if (!(d >= 0x20)) return -1;
        if (d === BACKSLASH) {
          const after = this.escape(j);
          if (after < 0) return -1;
          j = after - 1;
        }
      }
    }
    if (c === 45 || (c >= 48 && c <= 57)) return this.number(i);
    for (const word of ['true', 'false', 'null'])
      if (text.startsWith(word, i)) return i + word.length;
    return -1;
  }

  /** `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` */
  private number(i: number): number {
    const { text } = this;
    let j = i;
    if (text.charCodeAt(j) === 45) j++;
    if (text.charCodeAt(j) === 48) j++;
    else if (!isDigit(text.charCodeAt(j))) return -1;
    else j = this.digits(j);
    if (text.charCodeAt(j) === 46) {
      if (!isDigit(text.charCodeAt(j + 1))) return -1;
      j = this.digits(j + 1);
    }
    const e = text.charCodeAt(j);
    if (e === 101 || e === 69) {
      j++;
      const sign = text.charCodeAt(j);
      if (sign === 43 || sign === 45) j++;
      if (!isDigit(text.charCodeAt(j))) return -1;
      j = this.digits(j);
    }
    return j;
  }

  /** Where the digits from `i` end. */
  private digits(i: number): number {
    let j = i;
    while (isDigit(this.text.charCodeAt(j))) j++;
    return j;
  }

  private ws(i: number): number {
    const { text } = this;
    let j = i;
    for (;;) {
      const c = text.charCodeAt(j);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return j;
      j++;
    }
  }

  private slim(): string | undefined {
    if (this.edits.length === 0) return undefined;
    const parts: string[] = [];
    let at = 0;
    for (const { start, end, insert } of this.edits) {
      parts.push(this.text.slice(at, start), insert);
      at = end;
    }
    parts.push(this.text.slice(at));
    return parts.join('');
  }
}

/**
 * `checkJsonAttribute` for the readers: a text of SCAN_FROM characters or more is scanned
 * first, and its wide objects come back with their surplus keys counted, not built.
 */
export function checkJsonText(text: string, field: string): Checked<unknown> {
  if (typeof text === 'string' && text.length >= SCAN_FROM && text.length <= MAX_JSON_LENGTH) {
    const slim = text.trim() === '' ? undefined : slimJson(text);
    if (slim !== undefined) {
      try {
        validationWork.jsonChars += slim.length;
        return { ok: true, value: JSON.parse(slim) as unknown };
      } catch {
        // The scan let through what the engine refuses: the whole text says where.
      }
    }
  }
  return checkJsonAttribute(text, field);
}
