import type { Lang, ValidationError } from './types.js';

/**
 * Error texts in every built-in language, keyed by a stable `code`. `{name}` placeholders are
 * filled from the error's `params`; `{field}` is the error's path. Values quoted back to the user
 * are JSON literals (`0.35`, not `0,35`), because that is what they have to type.
 */
export const ERROR_CODES = [
  'required',
  'not-object',
  'not-array',
  'not-number',
  'not-string',
  'number-text',
  'number-text-grouped',
  'percent-text',
  'not-finite',
  'not-integer',
  'negative',
  'too-large',
  'rate-range',
  'rate-percent',
  'repeat-range',
  'observed-order',
  'observed-mismatch',
  'stages-empty',
  'stages-too-many',
  'name-empty',
  'name-too-long',
  'name-control',
  'unknown-key',
  'unknown-key-suggest',
  'forbidden-key',
  'won-stage-range',
  'currency-invalid',
  'not-one-of',
  'too-small',
  'date-invalid',
  'json-syntax',
  'json-truncated',
  'json-invalid',
  'json-empty',
  'json-too-large',
  'too-many-errors',
  'unreadable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const MESSAGES: Record<ErrorCode, Record<Lang, string>> = {
  required: {
    en: '{field} is missing; it is required.',
    es: 'Falta {field}; es obligatorio.',
  },
  'not-object': {
    en: '{field} must be an object ({…}), not {actual}.',
    es: '{field} debe ser un objeto ({…}), no {actual}.',
  },
  'not-array': {
    en: '{field} must be a list ([…]), not {actual}.',
    es: '{field} debe ser una lista ([…]), no {actual}.',
  },
  'not-number': {
    en: '{field} must be a number, not {actual}.',
    es: '{field} debe ser un número, no {actual}.',
  },
  'not-string': {
    en: '{field} must be text in quotes, not {actual}.',
    es: '{field} debe ser un texto entre comillas, no {actual}.',
  },
  'number-text': {
    en: '{field} must be a number, not text: write {number} without quotes.',
    es: '{field} debe ser un número, no un texto: escriba {number} sin comillas.',
  },
  'number-text-grouped': {
    en: '{field} must be a number written without quotes or thousands separators, not "{value}".',
    es: '{field} debe ser un número escrito sin comillas ni separadores de miles, no "{value}".',
  },
  'percent-text': {
    en: '{field} must be a number between 0 and 1, not text: "{value}" is written {share}.',
    es: '{field} debe ser un número entre 0 y 1, no un texto: "{value}" se escribe {share}.',
  },
  'not-finite': {
    en: '{field} must be a finite number, not {value}.',
    es: '{field} debe ser un número finito, no {value}.',
  },
  'not-integer': {
    en: '{field} must be a whole number, not {value}.',
    es: '{field} debe ser un número entero, no {value}.',
  },
  negative: {
    en: '{field} cannot be negative ({value}).',
    es: '{field} no puede ser negativo ({value}).',
  },
  'too-large': {
    en: '{field} is too large ({value}); the most allowed is {max}.',
    es: '{field} es demasiado grande ({value}); el máximo permitido es {max}.',
  },
  'rate-range': {
    en: '{field} must be between 0 and 1 (a share: 0.35 means 35 %), not {value}.',
    es: '{field} debe estar entre 0 y 1 (una proporción: 0.35 significa 35 %), no {value}.',
  },
  'rate-percent': {
    en: '{field} must be between 0 and 1; {value} % is written {share}.',
    es: '{field} debe estar entre 0 y 1; {value} % se escribe {share}.',
  },
  'repeat-range': {
    en: '{field} must be at least 0 and below 1 (0.3 means 30 % buy again), not {value}.',
    es: '{field} debe ser al menos 0 y menor que 1 (0.3 significa que el 30 % repite), no {value}.',
  },
  'observed-order': {
    en: '{field}: won ({won}) cannot be more than of ({of}).',
    es: '{field}: won ({won}) no puede ser mayor que of ({of}).',
  },
  'observed-mismatch': {
    en: '{field} ({rate}) does not match the observed counts ({won} of {of}); give only one of them.',
    es: '{field} ({rate}) no coincide con los datos observados ({won} de {of}); indique solo uno de los dos.',
  },
  'stages-empty': {
    en: '{field} must have at least one stage.',
    es: '{field} debe tener al menos una etapa.',
  },
  'stages-too-many': {
    en: '{field} has {count} stages; at most {max} are allowed.',
    es: '{field} tiene {count} etapas; se permiten como máximo {max}.',
  },
  'name-empty': {
    en: '{field} cannot be empty.',
    es: '{field} no puede estar vacío.',
  },
  'name-too-long': {
    en: '{field} is too long ({length} characters); at most {max} are allowed.',
    es: '{field} es demasiado largo ({length} caracteres); se permiten como máximo {max}.',
  },
  'name-control': {
    en: '{field} contains a control character ({char}, such as a line break or a tab); a name must be plain text on one line.',
    es: '{field} contiene un carácter de control ({char}, como un salto de línea o un tabulador); un nombre debe ser texto simple en una sola línea.',
  },
  'unknown-key': {
    en: '{field} is not a known field.',
    es: '{field} no es un campo conocido.',
  },
  'unknown-key-suggest': {
    en: "{field} is not a known field; did you mean '{suggestion}'?",
    es: "{field} no es un campo conocido; ¿quiso decir '{suggestion}'?",
  },
  'forbidden-key': {
    en: "{field} contains the key '{key}', which is refused for safety: it could alter the prototype of every object.",
    es: "{field} contiene la clave '{key}', que se rechaza por seguridad: podría alterar el prototipo de todos los objetos.",
  },
  'won-stage-range': {
    en: '{field} must be a stage index from 0 to {max}, not {value}.',
    es: '{field} debe ser un índice de etapa de 0 a {max}, no {value}.',
  },
  'currency-invalid': {
    en: '{field} must be a 3-letter ISO 4217 currency code such as EUR or USD, not "{value}".',
    es: '{field} debe ser un código de moneda ISO 4217 de 3 letras, como EUR o USD, no "{value}".',
  },
  'not-one-of': {
    en: '{field} must be one of {allowed}, not {value}.',
    es: '{field} debe ser uno de estos valores: {allowed}; no {value}.',
  },
  'too-small': {
    en: '{field} must be at least {min}, not {value}.',
    es: '{field} debe ser al menos {min}, no {value}.',
  },
  'date-invalid': {
    en: '{field} must be a date written YYYY-MM-DD, such as 2026-09-30, not "{value}".',
    es: '{field} debe ser una fecha escrita AAAA-MM-DD, como 2026-09-30, no "{value}".',
  },
  'json-syntax': {
    en: '{field} is not valid JSON (position {position}): the character {char} at line {line}, column {column} is not expected there; check the quotes and commas just before it.',
    es: '{field} no es un JSON válido (posición {position}): el carácter {char} de la línea {line}, columna {column}, no se espera ahí; revise las comillas y las comas justo antes.',
  },
  'json-truncated': {
    en: '{field} is not valid JSON (position {position}): the text ends at line {line}, column {column} before it is complete; a closing quote, bracket or brace is missing.',
    es: '{field} no es un JSON válido (posición {position}): el texto termina en la línea {line}, columna {column}, antes de estar completo; falta una comilla, un corchete o una llave de cierre.',
  },
  'json-invalid': {
    en: '{field} is not valid JSON; check its quotes, commas and brackets.',
    es: '{field} no es un JSON válido; revise sus comillas, comas y corchetes.',
  },
  'json-empty': {
    en: '{field} is empty; it must hold JSON.',
    es: '{field} está vacío; debe contener JSON.',
  },
  'json-too-large': {
    en: '{field} is too large ({size} characters); at most {max} (1 MB) are allowed.',
    es: '{field} es demasiado grande ({size} caracteres); se permiten como máximo {max} (1 MB).',
  },
  'too-many-errors': {
    en: '{field}: {count} more problems were found but not listed.',
    es: '{field}: se encontraron {count} problemas más que no se enumeran.',
  },
  unreadable: {
    en: '{field} could not be read as JSON data.',
    es: '{field} no se pudo leer como datos JSON.',
  },
};

/** What a value turned out to be, for "must be a number, not {actual}". */
export type ValueKind = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'other';

const KINDS: Record<ValueKind, Record<Lang, string>> = {
  null: { en: 'null', es: 'null' },
  array: { en: 'a list', es: 'una lista' },
  object: { en: 'an object', es: 'un objeto' },
  string: { en: 'text', es: 'un texto' },
  number: { en: 'a number', es: 'un número' },
  boolean: { en: 'true or false', es: 'true o false' },
  other: { en: 'a value JSON cannot hold', es: 'un valor que JSON no admite' },
};

/** How an error's path `""` (the input as a whole) reads in a sentence. */
const WHOLE: Record<Lang, string> = { en: 'the value', es: 'el valor' };

function isCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(MESSAGES, code);
}

/**
 * The error's message in `lang`, rebuilt from its code and params (so an error produced in one
 * language can be shown in another). Unknown codes keep the message they came with.
 */
export function formatError(
  error: Pick<ValidationError, 'path' | 'code' | 'params'> & { message?: string },
  lang: Lang,
): string {
  if (!isCode(error.code)) return error.message ?? error.code;
  // `lang` may come from plain JavaScript: anything not built in reads as English.
  const l: Lang = Object.prototype.hasOwnProperty.call(WHOLE, lang) ? lang : 'en';
  const params = error.params ?? {};
  return MESSAGES[error.code][l].replace(/\{(\w+)\}/g, (hole, name: string, at: number) => {
    if (name === 'field') return error.path || (at === 0 ? capitalize(WHOLE[l]) : WHOLE[l]);
    if (!Object.prototype.hasOwnProperty.call(params, name)) return hole;
    const value = params[name];
    if (name === 'actual' && Object.prototype.hasOwnProperty.call(KINDS, value)) {
      return KINDS[value as ValueKind][l];
    }
    return String(value);
  });
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A copy of `errors` with every message in `lang`. */
export function localizeErrors(errors: readonly ValidationError[], lang: Lang): ValidationError[] {
  return errors.map((e) => ({ ...e, message: formatError(e, lang) }));
}
