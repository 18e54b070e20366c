import { formatNumber } from './format.js';
import { formatPlain, type NumberRules, type TypedNumber } from './number-input.js';
import type { Lang } from './types.js';

/**
 * A refused typed number in words (es, en): what is wrong with what was typed, and how to
 * write it so it is read as meant. Pure: the elements put it under the field.
 */

type Refused = Extract<TypedNumber, { ok: false }>;

const TEXTS: Record<Lang, Record<Refused['problem'], string>> = {
  en: {
    empty: '{field}: enter a number, such as {example}.',
    'not-a-number':
      '{field}: “{text}” is not a number. Write digits with a decimal point, such as {example}, or a shorthand such as {short}.',
    ambiguous:
      '{field}: “{text}” could mean {a} or {b}. Write {aPlain} for the first or {bPlain} for the second.',
    'not-whole':
      '{field} must be a whole number: “{text}” has decimals. Write it without them, such as {whole}.',
    'too-small': '{field} must be {min} or more: “{text}” is {value}.',
    'too-large': '{field} must be {max} or less: “{text}” is {value}.',
  },
  es: {
    empty: '{field}: escriba un número, por ejemplo {example}.',
    'not-a-number':
      '{field}: «{text}» no es un número. Escriba cifras con coma decimal, por ejemplo {example}, o una abreviatura como {short}.',
    ambiguous:
      '{field}: «{text}» puede significar {a} o {b}. Escriba {aPlain} para lo primero o {bPlain} para lo segundo.',
    'not-whole':
      '{field} debe ser un número entero: «{text}» tiene decimales. Escríbalo sin ellos, por ejemplo {whole}.',
    'too-small': '{field} debe ser {min} o más: «{text}» es {value}.',
    'too-large': '{field} debe ser {max} o menos: «{text}» es {value}.',
  },
};

const EXAMPLES: Record<Lang, { example: string; short: string }> = {
  en: { example: '12,500.50', short: '12.5k' },
  es: { example: '12.500,50', short: '12,5 mil' },
};

/** Why `text`, typed into `field`, was refused, and how to write it. */
export function numberProblemText(
  read: Refused,
  text: string,
  field: string,
  lang: Lang,
  rules: NumberRules = {},
): string {
  const shown = (n: number) => formatNumber(n, lang, 6);
  const [a, b] = read.readings ?? [0, 0];
  const params: Record<string, string> = {
    field,
    text: text.trim(),
    ...EXAMPLES[lang],
    a: shown(a),
    b: shown(b),
    aPlain: formatPlain(a, lang, 6),
    bPlain: formatPlain(b, lang, 6),
    whole: formatPlain(Math.round(read.value ?? 0), lang, 0),
    value: shown(read.value ?? 0),
    min: shown(rules.min ?? 0),
    max: shown(rules.max ?? 0),
  };
  if (rules.integer && read.problem !== 'not-whole')
    params.example = lang === 'es' ? '12.500' : '12,500';
  return TEXTS[lang][read.problem].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}
