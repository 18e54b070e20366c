import type { Lang } from '../model/types.js';
import type { OptionProblem } from './attributes.js';
import { t } from './i18n.js';

/**
 * The words of an attribute value that cannot be used, in es and en: loaded by `ErrorReporter`
 * the first time one is bad, so a page whose attributes are all right never fetches them.
 */

const TEXTS: Record<
  Lang,
  Record<'choice' | 'choiceDefault' | 'number' | 'whole' | 'strings', string>
> = {
  en: {
    choice: '{field} must be one of {allowed}, not “{value}”; {fallback} is used.',
    choiceDefault: '{field} must be one of {allowed}, not “{value}”; the default is used.',
    number: '{field} must be a number from {min} to {max}, not “{value}”; {fallback} is used.',
    whole: '{field} must be a whole number from {min} to {max}, not “{value}”; {fallback} is used.',
    strings: '{field} could not be read as texts{value}; the built-in texts are used.',
  },
  es: {
    choice: '{field} debe ser uno de estos valores: {allowed}; no «{value}». Se usa {fallback}.',
    choiceDefault:
      '{field} debe ser uno de estos valores: {allowed}; no «{value}». Se usa el valor por defecto.',
    number: '{field} debe ser un número de {min} a {max}, no «{value}». Se usa {fallback}.',
    whole: '{field} debe ser un número entero de {min} a {max}, no «{value}». Se usa {fallback}.',
    strings: '{field} no se pudo leer como textos{value}; se usan los textos incorporados.',
  },
};

/**
 * The problem in words, in `lang`, its numbers written by `number` (the element's formatter: so
 * this file, loaded apart, does not take a copy of it along).
 */
export function problemText(
  problem: OptionProblem,
  lang: Lang,
  number: (value: number) => string,
): string {
  const texts = TEXTS[lang];
  if (problem.kind === 'strings') {
    // The key whose value is not text, when one is to blame.
    return t(texts.strings, {
      field: problem.field,
      value: problem.value && ` (${problem.value})`,
    });
  }
  if (problem.kind === 'choice') {
    const { field, value, allowed, fallback } = problem;
    const list = allowed.join(', ');
    return fallback === undefined
      ? t(texts.choiceDefault, { field, value, allowed: list })
      : t(texts.choice, { field, value, allowed: list, fallback });
  }
  return t(problem.integer ? texts.whole : texts.number, {
    field: problem.field,
    value: problem.value,
    min: number(problem.min),
    max: number(problem.max),
    fallback: number(problem.fallback),
  });
}
