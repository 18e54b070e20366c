import type { Lang } from '../model/types.js';

/**
 * The store's user-facing messages, by code, per language. `{x}` placeholders are filled from
 * the params. Elements may show these directly or map the codes to their own wording.
 */
const MESSAGES: Record<Lang, Record<string, string>> = {
  en: {
    required: '{field} is required',
    'too-long': '{field} is longer than {max} characters',
    'not-a-number': '{field} is not a number: “{value}”',
    negative: '{field} cannot be negative',
    'bad-currency': '{field} is not a three-letter currency code: “{value}”',
    'bad-date': '{field} is not a valid date: “{value}”',
    'amount-too-large': '{field} is more than {max}: “{value}”',
    'time-range': '{field} must fall between the years 1970 and 9999: “{value}”',
    'unknown-stage': 'No stage called “{value}” in this pipeline',
    'not-in-column': 'The deal “{value}” is not in that column any more',
    'bad-outcome': '{field} must be open, won or lost: “{value}”',
    'bad-type': '{field} has the wrong type',
    'unknown-deal': 'The event refers to a deal that is not in the file: “{value}”',
    duplicate: 'The id “{value}” appears twice',
    exists: 'A pipeline with the id “{value}” already exists',
    'bad-format': 'This is not a sales-funnel pipeline file',
    'no-stages': 'The pipeline needs at least one stage',
    'no-columns': 'No column could be matched to a deal title',
    empty: 'The file has no data rows',
    'dollar-sign':
      '{field} “{value}” is written with $, the sign of several currencies: map a currency column, or write the code (USD 1,200)',
    'currency-mismatch':
      '{field} “{value}” is in another currency than the currency column says ({currency})',
    'ambiguous-date':
      '{field}: every date of the column can be read day/month or month/day; choose which',
    'no-stage': 'No stage is chosen for “{value}”',
    'deal-label': 'Deal {index} “{title}” (id {id})',
    'idb-unavailable':
      'This browser does not allow saving data here (IndexedDB is unavailable): changes last only until the page is closed.',
    'idb-refused':
      'This browser does not let this page save data (storage is blocked or disabled for it here): changes last only until the page is closed.',
  },
  es: {
    required: 'Falta {field}',
    'too-long': '{field} tiene más de {max} caracteres',
    'not-a-number': '{field} no es un número: «{value}»',
    negative: '{field} no puede ser negativo',
    'bad-currency': '{field} no es un código de moneda de tres letras: «{value}»',
    'bad-date': '{field} no es una fecha válida: «{value}»',
    'amount-too-large': '{field} es mayor que {max}: «{value}»',
    'time-range': '{field} debe estar entre los años 1970 y 9999: «{value}»',
    'unknown-stage': 'No hay ninguna etapa llamada «{value}» en este flujo de ventas',
    'not-in-column': 'La oportunidad «{value}» ya no está en esa columna',
    'bad-outcome': '{field} debe ser abierto, ganado o perdido: «{value}»',
    'bad-type': '{field} tiene un tipo incorrecto',
    'unknown-deal': 'El evento se refiere a una oportunidad que no está en el archivo: «{value}»',
    duplicate: 'El identificador «{value}» aparece dos veces',
    exists: 'Ya existe un flujo de ventas con el identificador «{value}»',
    'bad-format': 'Este archivo no es un flujo de ventas de sales-funnel',
    'no-stages': 'El flujo de ventas necesita al menos una etapa',
    'no-columns': 'Ninguna columna corresponde al título de la oportunidad',
    empty: 'El archivo no tiene filas de datos',
    'dollar-sign':
      '{field} «{value}» está escrito con $, el signo de varias monedas: asigne una columna de moneda o escriba el código (USD 1.200)',
    'currency-mismatch':
      '{field} «{value}» está en otra moneda que la que indica la columna de moneda ({currency})',
    'ambiguous-date':
      '{field}: todas las fechas de la columna se pueden leer día/mes o mes/día; elija cuál',
    'no-stage': 'No se ha elegido ninguna etapa para «{value}»',
    'deal-label': 'Oportunidad {index} «{title}» (id {id})',
    'idb-unavailable':
      'Este navegador no permite guardar datos aquí (IndexedDB no está disponible): los cambios solo duran hasta cerrar la página.',
    'idb-refused':
      'Este navegador no deja guardar datos a esta página (el almacenamiento está bloqueado o desactivado aquí): los cambios solo duran hasta cerrar la página.',
  },
};

/**
 * Field names as a person reads them, capitalised: exported CSV files use them as column
 * headers (transfer.ts), messages as the subject of a sentence (with an article in Spanish).
 */
export const FIELD_LABELS = {
  en: {
    title: 'Title',
    company: 'Company',
    contact: 'Contact',
    amount: 'Amount',
    currency: 'Currency',
    owner: 'Owner',
    expectedClose: 'Expected close date',
    notes: 'Notes',
    stage: 'Stage',
    outcome: 'Outcome',
    lostReason: 'Lost reason',
    sourceId: 'Source id',
    name: 'Name',
    createdAt: 'Created',
    updatedAt: 'Last changed',
    stageEnteredAt: 'Date entered the stage',
    closedAt: 'Close date',
    at: 'Date',
  },
  es: {
    title: 'Título',
    company: 'Empresa',
    contact: 'Contacto',
    amount: 'Importe',
    currency: 'Moneda',
    owner: 'Responsable',
    expectedClose: 'Fecha prevista de cierre',
    notes: 'Notas',
    stage: 'Etapa',
    outcome: 'Resultado',
    lostReason: 'Motivo de pérdida',
    sourceId: 'Identificador de origen',
    name: 'Nombre',
    createdAt: 'Fecha de creación',
    updatedAt: 'Fecha de modificación',
    stageEnteredAt: 'Fecha de entrada en la etapa',
    closedAt: 'Fecha de cierre',
    at: 'Fecha',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type FieldName = keyof (typeof FIELD_LABELS)['en'];

/** The article each Spanish field name takes as a subject: "El título es obligatorio". */
const ES_ARTICLES: Record<FieldName, string> = {
  title: 'El',
  company: 'La',
  contact: 'El',
  amount: 'El',
  currency: 'La',
  owner: 'El',
  expectedClose: 'La',
  notes: 'Las',
  stage: 'La',
  outcome: 'El',
  lostReason: 'El',
  sourceId: 'El',
  name: 'El',
  createdAt: 'La',
  updatedAt: 'La',
  stageEnteredAt: 'La',
  closedAt: 'La',
  at: 'La',
};

/** A field as a message names it: `deals[3].amount` → "Amount" / "El importe". */
function fieldName(lang: Lang, path: string): string {
  // The last path segment names the field; a deal's `stageId` reads as its stage.
  const last = path.replace(/^.*[.\]]/, '');
  const key = last === 'stageId' ? 'stage' : last;
  if (!Object.hasOwn(FIELD_LABELS.en, key)) return path;
  const label: string = FIELD_LABELS[lang][key as FieldName];
  if (lang === 'en') return label;
  return `${ES_ARTICLES[key as FieldName]} ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

export function message(
  lang: Lang,
  code: string,
  params: Record<string, string | number> = {},
): string {
  const template = MESSAGES[lang][code] ?? MESSAGES.en[code] ?? code;
  const field = typeof params.field === 'string' ? params.field : '';
  const all = { ...params, field: fieldName(lang, field) };
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    String(all[name as keyof typeof all] ?? ''),
  );
}

/** The largest file an import accepts, checked before reading it: 50 MB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * Two sizes written so that a person sees them differ: in MB with as many decimals as that
 * takes (up to three), else in bytes ("50.0 MB" against "50.0 MB" would read as equal).
 */
export function distinctSizes(lang: Lang, a: number, b: number): [string, string] {
  const locale = lang === 'es' ? 'es-ES' : 'en-US';
  for (let digits = 1; digits <= 3; digits += 1) {
    const mb = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    const [x, y] = [a, b].map((n) => `${mb.format(n / (1024 * 1024))} MB`) as [string, string];
    if (x !== y || a === b) return [x, y];
  }
  // `useGrouping: 'always'`: Spanish leaves four-digit numbers ungrouped by default.
  const bytes = new Intl.NumberFormat(locale, {
    useGrouping: 'always',
  } as Intl.NumberFormatOptions);
  return [`${bytes.format(a)} bytes`, `${bytes.format(b)} bytes`];
}

export function tooLargeMessage(lang: Lang, bytes: number): string {
  const [size, limit] = distinctSizes(lang, bytes, MAX_IMPORT_BYTES);
  return lang === 'es'
    ? `El archivo ocupa ${size}; el máximo para importar es ${limit}. Divídalo en partes.`
    : `The file is ${size}; the import limit is ${limit}. Split it into parts.`;
}
