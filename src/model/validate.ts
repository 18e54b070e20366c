import { explainAll } from './explain.js';
import { toLang } from './format.js';
import { formatError } from './messages.js';
import { ScenarioError } from './scenario-error.js';
import type { ParseResult, Scenario, ScenarioInput, StageCount } from './types.js';
import {
  checkJsonAttribute,
  checkStageCounts,
  Problems,
  type Checked,
  type ParseOptions,
} from './validate-core.js';
import { checkScenario } from './validate-scenario.js';

/**
 * Validation of untrusted input (HTML attributes, links, files, `el.scenario = …`).
 *
 * Every function here takes `unknown`, never throws, and returns either a fresh, normalized
 * value built from plain object literals (nothing of the input's objects is reused, so a
 * `__proto__` key can never reach a prototype) or every problem found, each naming its field,
 * with its message in the asked language. The readers (validate-core.ts, validate-scenario.ts)
 * find the problems; explain.ts says exactly what each one is, messages.ts puts it in words.
 */

export {
  MAX_DAYS,
  MAX_ERRORS,
  MAX_JSON_LENGTH,
  MAX_LEADS,
  MAX_MONEY,
  MAX_NAME_LENGTH,
  MAX_STAGES,
  MAX_SUGGESTIONS,
  MIN_STAGES,
  type ParseOptions,
} from './validate-core.js';
export { suggestKey } from './explain.js';

/** The readers' result with every issue explained (messages left empty). */
function explained<T>(result: Checked<T>): ParseResult<T> {
  return result.ok ? result : { ok: false, errors: explainAll(result.issues) };
}

/** The result with every error's message filled in, in `options.lang`. */
function withMessages<T>(
  result: ParseResult<T>,
  options: ParseOptions | undefined,
): ParseResult<T> {
  if (result.ok) return result;
  const lang = toLang(options?.lang);
  for (const error of result.errors) error.message = formatError(error, lang);
  return result;
}

/** `parseScenario` with errors by code, path and params only (empty messages). */
export function parseScenarioCodes(
  input: unknown,
  options: ParseOptions = {},
): ParseResult<Scenario> {
  return explained(checkScenario(input, options));
}

/**
 * A normalized `Scenario` from any value, or every problem found. Defaults: `currency` `EUR`,
 * `wonStage` the last stage; a rate given as `{ won, of }` becomes its posterior mean
 * `rate = (won + 1) / (of + 2)` with `observed` kept; names are trimmed.
 */
export function parseScenario(input: unknown, options: ParseOptions = {}): ParseResult<Scenario> {
  return withMessages(parseScenarioCodes(input, options), options);
}

export interface NormalizeOptions extends ParseOptions {
  /** The argument named in a `ScenarioError`: `scenario` (default) or `benchmark`. */
  field?: string;
}

/**
 * The normalized `Scenario` of what a person wrote, or of a scenario normalized already (it
 * parses to itself): `parseScenario`'s value, a fresh object. The one check every function of
 * `sales-funnel/sim` makes before computing anything.
 * @throws ScenarioError with `parseScenario(input, options).errors` when the input is refused.
 */
export function normalizeScenario(
  input: ScenarioInput | Scenario,
  options: NormalizeOptions = {},
): Scenario {
  const result = parseScenario(input, options);
  if (!result.ok) throw new ScenarioError(result.errors, options.field);
  return result.value;
}

/** `parseStageCounts` with errors by code, path and params only (empty messages). */
export function parseStageCountsCodes(
  input: unknown,
  options: ParseOptions = {},
): ParseResult<StageCount[]> {
  return explained(checkStageCounts(input, options));
}

/**
 * Observed counts for the funnel's `stages` attribute: `[{ "name": "Leads", "value": 1200 }, …]`,
 * 1 to 50 entries, each value a finite number ≥ 0 or `null` (unknown).
 */
export function parseStageCounts(
  input: unknown,
  options: ParseOptions = {},
): ParseResult<StageCount[]> {
  return withMessages(parseStageCountsCodes(input, options), options);
}

/** `parseJsonAttribute` with errors by code, path and params only (empty messages). */
export function parseJsonAttributeCodes(text: string, field: string): ParseResult<unknown> {
  // A script may pass anything; the funnel's reader (checkJsonAttribute's other caller) only text.
  if (typeof text === 'string') return explained(checkJsonAttribute(text, field));
  const p = new Problems();
  p.wrong(field, 'not-string', text);
  return explained({ ok: false, issues: p.finish() });
}

/**
 * Parses an attribute's JSON text. `field` names the attribute in the error ("scenario is not
 * valid JSON (position 14): …"). Text over MAX_JSON_LENGTH characters is refused unread.
 */
export function parseJsonAttribute(
  text: string,
  field: string,
  options: ParseOptions = {},
): ParseResult<unknown> {
  return withMessages(parseJsonAttributeCodes(text, field), options);
}
