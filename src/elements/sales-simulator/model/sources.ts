import { localizeErrors } from '../../../model/messages.js';
import { sayError, sourceOf } from '../../../model/places.js';
import { getPreset, PRESET_IDS } from '../../../model/presets.js';
import type { Lang, Scenario, ValidationError } from '../../../model/types.js';
import { parseJsonAttribute, parseScenario } from '../../../model/validate.js';
import { t } from '../../i18n.js';
import { formatBytes, isFileError, MAX_SCENARIO_FILE_BYTES } from './scenario-file.js';
import type { SimulatorStrings } from '../strings.js';
import { DEFAULT_PRESET } from './view-model.js';

/*
 * Where a scenario comes from — the `scenario` attribute or property, a `preset`, a link, a
 * file, a saved one — and, when it cannot be used, the problem naming that source. Pure.
 */

export type SourceField = 'scenario' | 'preset' | 'link' | 'import';

export const SOURCE_FIELDS: readonly SourceField[] = ['scenario', 'preset', 'link', 'import'];

/** A scenario that could not be used; worded by `sourceMessage` in the language of the moment. */
export interface SourceError {
  field: SourceField;
  errors: ValidationError[];
  /** The file's name, for `import`. */
  file?: string;
  /** A person did it just now (a link, a file, a saved scenario), rather than the page's markup. */
  byPerson: boolean;
  /** The value read (parsed from its JSON text), whose stages the message shown names. */
  input?: unknown;
}

export type SourceRead =
  { ok: true; scenario: Scenario; presetId?: string } | { ok: false; error: SourceError };

const given = (v: unknown) => v !== undefined && v !== null && v !== '';

/** The scenario the markup asks for: `scenario` (JSON text or object) if given, else `preset`. */
export function readSource(scenario: unknown, preset: string | undefined, lang: Lang): SourceRead {
  if (given(scenario)) {
    let value = scenario;
    if (typeof value === 'string') {
      const json = parseJsonAttribute(value, 'scenario', { lang });
      if (!json.ok)
        return { ok: false, error: { field: 'scenario', errors: json.errors, byPerson: false } };
      value = json.value;
    }
    const parsed = parseScenario(value, { lang });
    if (!parsed.ok) {
      const error = { field: 'scenario' as const, errors: parsed.errors, byPerson: false };
      return { ok: false, error: { ...error, input: value } };
    }
    return { ok: true, scenario: parsed.value };
  }
  const id = preset || DEFAULT_PRESET;
  const found = getPreset(id);
  if (!found) {
    const ids = PRESET_IDS.join(', ');
    const errors = [{ path: 'preset', code: 'unknown-preset', message: `preset "${id}" (${ids})` }];
    return { ok: false, error: { field: 'preset', errors, byPerson: false } };
  }
  return { ok: true, scenario: found.scenario, presetId: found.id };
}

/** Whether the markup gives a `scenario` (else `preset` decides). */
export const hasScenario = given;

function fileErrorText(
  code: 'file-too-large' | 'file-not-json' | 'file-unreadable',
  file: string,
  params: Record<string, string | number>,
  lang: Lang,
  text: SimulatorStrings,
): string {
  if (code === 'file-too-large') {
    return t(text.fileTooLarge, {
      file,
      size: formatBytes(Number(params.size), lang),
      max: formatBytes(Number(params.max ?? MAX_SCENARIO_FILE_BYTES), lang),
    });
  }
  if (code === 'file-not-json') return t(text.fileNotJson, { file });
  return t(text.fileUnreadable, { file, detail: String(params.detail ?? '') });
}

/**
 * The problem in words, in `lang`: what could not be used, and its first three reasons, each
 * naming its field by its path (for the console and the `error` event), or, `shown`, as a person
 * knows it ("Stage 2 (Qualified): …").
 */
export function sourceMessage(
  error: SourceError,
  lang: Lang,
  text: SimulatorStrings,
  shown = false,
): string {
  const { field, errors, file = '' } = error;
  const own = errors.find(isFileError);
  if (own) return fileErrorText(own.code, file, own.params ?? {}, lang, text);
  const known = errors.filter((e) => e.code !== 'unknown-preset' && e.code !== 'link-invalid');
  // Model errors are worded again in `lang`; the two made here carry their own text.
  const modelErrors = known.length === errors.length;
  const first = errors.slice(0, 3);
  const source = shown && modelErrors ? sourceOf(error.input) : undefined;
  const texts = source
    ? first.map((e) => sayError(e, lang, source))
    : (modelErrors ? localizeErrors(first, lang) : first).map((e) => e.message);
  const detail = texts.join(' ');
  const template =
    field === 'link'
      ? text.linkRejected
      : field === 'import'
        ? text.importRejected
        : text.attributeRejected;
  return t(template, { detail, file });
}
