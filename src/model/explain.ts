import type { ErrorCode } from './messages.js';
import type { ValidationError } from './types.js';
import {
  preview,
  shareRange,
  toShare,
  validationWork,
  MAX_SUGGESTIONS,
  type Issue,
  type NumberKind,
  type Params,
} from './validate-core.js';

/**
 * What an `Issue` of the validation readers (validate-core.ts) is, as an error: the work only
 * wording a problem needs, kept apart so that a bundle can load it with the error texts, when
 * something is actually wrong. validate.ts explains every issue it returns.
 */

/** Words people plausibly write for a known key, beyond typos. */
const ALIASES: Record<string, string> = {
  title: 'name',
  label: 'name',
  count: 'value',
  amount: 'dealValue',
  value: 'dealValue',
  dealsize: 'dealValue',
  conversion: 'rate',
  probability: 'rate',
  duration: 'days',
  steps: 'stages',
};

const NUMBER_TEXT = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/i;
const PERCENT_TEXT = /^([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*%$/;
/**
 * Digits in groups of three (`1,000`, `2.500`, `1.234.567,5`): "2.500" is 2.5 to one reader and
 * 2500 to another, so no number is guessed for it. (`\s` includes no-break spaces.)
 */
const GROUPED_TEXT = /^[+-]?[1-9]\d{0,2}([.,\s'])\d{3}(?:\1\d{3})*(?:[.,]\d+)?\s*%?$/;

/**
 * The issues of one parse as errors (messages left empty), with at most MAX_SUGGESTIONS
 * did-you-mean searches among them: past those, an unknown key is only named.
 */
export function explainAll(issues: readonly Issue[]): ValidationError[] {
  let left = MAX_SUGGESTIONS;
  return issues.map((issue) => explainWith(issue, () => left-- > 0));
}

/** The issue as an error with its code and params; its `message` is left empty. */
export function explain(issue: Issue): ValidationError {
  return explainWith(issue, () => true);
}

function explainWith(issue: Issue, maySuggest: () => boolean): ValidationError {
  const { path } = issue;
  if ('kind' in issue) return notNumber(path, issue.value, issue.kind);
  if ('known' in issue) {
    const key = preview(issue.key);
    const suggestion = maySuggest() ? countedSuggestion(issue.key, issue.known) : undefined;
    return suggestion
      ? error(path, 'unknown-key-suggest', { key, suggestion })
      : error(path, 'unknown-key', { key });
  }
  if ('reason' in issue) return jsonError(path, issue.reason, issue.text);
  return error(path, issue.code, issue.params);
}

function countedSuggestion(key: string, known: readonly string[]): string | undefined {
  validationWork.suggestions += 1;
  return suggestKey(key, known);
}

/**
 * Where and how JSON text breaks, in words the messages can put in any language: the engine's
 * own message is English (V8's "Expected double-quoted property name"), so it is kept only as
 * `reason`, for the console and the `error` event's detail, never shown.
 */
function jsonError(path: string, reason: string, text: string): ValidationError {
  const position = errorPosition(reason, text);
  const raw = preview(reason, 160);
  if (position === undefined) return error(path, 'json-invalid', { reason: raw });
  const before = text.slice(0, position).split('\n');
  const where = { position, line: before.length, column: before[before.length - 1].length + 1 };
  if (position >= text.trimEnd().length)
    return error(path, 'json-truncated', { ...where, reason: raw });
  const char = Array.from(text.slice(position, position + 2))[0];
  return error(path, 'json-syntax', { ...where, char: JSON.stringify(char), reason: raw });
}

/**
 * The engine's own words for errors that have them (JSON's, kept in `params.reason`): the
 * `cause` for the console and the `error` event's detail, never shown.
 */
export function causeOf(errors: readonly ValidationError[]): string | undefined {
  const reasons = errors.flatMap((e) => (e.params?.reason === undefined ? [] : [e.params.reason]));
  return reasons.length ? reasons.join('\n') : undefined;
}

function error(path: string, code: ErrorCode, params?: Params): ValidationError {
  const e: ValidationError = { path, code, message: '' };
  if (params) e.params = params;
  return e;
}

/**
 * Why a value of the kind asked for is not a number: a non-finite one, or text that looks like
 * a number (a hint how to write it) or like a percentage (the share it means when reading a
 * share and the share is in range).
 */
function notNumber(path: string, value: string | number, kind: NumberKind): ValidationError {
  if (typeof value === 'number') return error(path, 'not-finite', { value: String(value) });
  const text = value.trim();
  if (text.length <= 40) {
    if (GROUPED_TEXT.test(text)) return error(path, 'number-text-grouped', { value: text });
    const percent = PERCENT_TEXT.exec(text);
    if (percent && kind !== 'number') {
      const n = Number(percent[1].replace(',', '.'));
      const inRange = n >= 0 && (kind === 'open' ? n < 100 : n <= 100);
      // Text such as `"150 %"` is quoted back as it was given.
      return inRange
        ? error(path, 'percent-text', { value: text, share: toShare(n) })
        : error(path, shareRange(kind), { value: JSON.stringify(text) });
    }
    if (NUMBER_TEXT.test(text)) {
      const n = Number(text.replace(',', '.'));
      if (Number.isFinite(n)) return error(path, 'number-text', { value: text, number: n });
    }
  }
  return error(path, 'not-number', { actual: 'string' });
}

/**
 * Edit distance counting a swap of neighbours as one edit ('nmae' → 'name'), row by row: the
 * row being worked out needs only the two before it (one for a swap).
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let last = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row: number[] = [];
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(last[j] + 1, row[j - 1] + 1, last[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2] + 1);
      }
      row[j] = d;
    }
    [before, last, row] = [last, row, before];
  }
  return last[b.length];
}

/** The known key an unknown one was probably meant to be: same letters, an alias, or a typo. */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  if (key.length > 40) return undefined;
  const squash = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
  const k = squash(key);
  const same = known.find((c) => squash(c) === k);
  if (same) return same;
  const alias = Object.prototype.hasOwnProperty.call(ALIASES, k) ? ALIASES[k] : undefined;
  if (alias && known.includes(alias)) return alias;
  // A third of the word may be wrong: 'lead' → 'leads', 'dealvalu' → 'dealValue', not 'x' → 'name'.
  const allowed = Math.max(1, Math.floor(k.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of known) {
    const candidate = squash(c);
    // The distance is at least the difference in length: no need to work it out.
    if (Math.abs(candidate.length - k.length) > allowed) continue;
    const d = editDistance(k, candidate);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= allowed ? best : undefined;
}

/** The 0-based offset a JSON.parse error points at (V8 says "position N", Firefox "line L column C"). */
function errorPosition(message: string, text: string): number | undefined {
  const at = /position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (!lc) return undefined;
  const lines = text.split('\n', Number(lc[1]));
  if (lines.length < Number(lc[1])) return undefined;
  return lines.slice(0, -1).reduce((sum, l) => sum + l.length + 1, 0) + Number(lc[2]) - 1;
}
