import { parseJsonAttribute, parseScenario } from '../../../model/validate.js';
import type { Lang, ParseResult, Scenario, ValidationError } from '../../../model/types.js';

/**
 * Largest scenario file accepted for import, in bytes (1 MB). A scenario is a few kilobytes;
 * the size is checked before a byte is read, so a huge or mislabelled file cannot stall the page.
 */
export const MAX_SCENARIO_FILE_BYTES = 1_000_000;

/**
 * Codes of the file problems this module finds itself; their words are made by the element
 * (in its language, at render time) from `params`. Other codes come from `src/model`.
 */
export type FileErrorCode = 'file-too-large' | 'file-not-json' | 'file-unreadable';

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A file size the way people read it: `2 GB`, `1,5 MB`. */
export function formatBytes(bytes: number, lang: Lang): string {
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i += 1;
  }
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}

const fileError = (
  code: FileErrorCode,
  params: Record<string, string | number>,
): { ok: false; errors: ValidationError[] } => ({
  ok: false,
  errors: [{ path: 'file', code, params, message: code }],
});

/**
 * Reads a scenario or deck file: its size first (refused over `MAX_SCENARIO_FILE_BYTES` without
 * being read), then JSON (an HTML or XML page is named as such rather than as a syntax error at
 * position 0), parsed once: a deck's value, or `parseScenario` of it, which refuses unknown keys
 * such as `__proto__`.
 */
export async function readImportFile(file: File, lang: Lang): Promise<ImportRead> {
  if (file.size > MAX_SCENARIO_FILE_BYTES) {
    return {
      scenario: fileError('file-too-large', { size: file.size, max: MAX_SCENARIO_FILE_BYTES }),
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { scenario: fileError('file-unreadable', { detail }) };
  }
  if (/^\s*</.test(text.replace(/^\uFEFF/, '')))
    return { scenario: fileError('file-not-json', {}) };
  return readImportText(text, file.name, lang);
}

/**
 * What a file holds: a deck's value (for `parseDeck`), or the scenario read from it, with the
 * value it was read from (whose stages a refusal names).
 */
export type ImportRead = { deck: object } | { scenario: ParseResult<Scenario>; input?: unknown };

/** True when `value` is an object with `steps`: a deck, not a scenario. */
export const isDeckValue = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'steps' in value;

/**
 * A file's text, parsed once: a deck's value (an object with `steps`, for `parseDeck`), or the
 * scenario it is (errors name the field, or `field` for the text as a whole).
 */
export function readImportText(text: string, field: string, lang: Lang): ImportRead {
  const json = parseJsonAttribute(text.replace(/^\uFEFF/, ''), field, { lang });
  if (json.ok && isDeckValue(json.value)) return { deck: json.value };
  return json.ok
    ? { scenario: parseScenario(json.value, { lang }), input: json.value }
    : { scenario: json };
}

/** A file name for the scenario: its name as a slug, else `scenario`, with `.json`. */
export function scenarioFileName(s: Pick<Scenario, 'name'>): string {
  const slug = (s.name ?? 'scenario')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'scenario'}.json`;
}

/** True for the errors `readScenarioFile` makes itself (worded by the element). */
export const isFileError = (e: ValidationError): e is ValidationError & { code: FileErrorCode } =>
  e.code === 'file-too-large' || e.code === 'file-not-json' || e.code === 'file-unreadable';
