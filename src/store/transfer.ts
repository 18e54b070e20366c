import { DEAL_CSV_FIELDS, isDealTime } from '../model/deal-fields.js';
import type { Deal, DealOutcome, Lang, Pipeline } from '../model/types.js';
import { formatCsv, parseCsv, unprotectCell, type CsvTable, type Delimiter } from './csv.js';
import { StoreError, type FieldError } from './errors.js';
import { FIELD_LABELS, MAX_IMPORT_BYTES, message, tooLargeMessage } from './messages.js';
import type { PipelineExport } from './records.js';
import type { ImportOptions, NewDeal, SalesRepository } from './repository.js';
import { ALIASES, normalizeHeader } from './import/layouts.js';
import { checkDealFields, isIsoDate } from './validate.js';

/**
 * Import and export of deals (CSV, with column mapping for common CRM exports) and of whole
 * pipelines (JSON). Files are checked completely before anything is stored; the repository
 * then writes all of it in one transaction.
 */

export { MAX_IMPORT_BYTES };

/** The deal fields a CSV column can fill: the deal's own, with `stage` for its `stageId`. */
export type CsvField = Exclude<(typeof DEAL_CSV_FIELDS)[number], 'stageId'> | 'stage';

/** In file order, which is also the order the header guess tries fields in. */
const CSV_FIELDS: readonly CsvField[] = DEAL_CSV_FIELDS.map((f) => (f === 'stageId' ? 'stage' : f));

/** Field → column index in the file. */
export type ColumnMapping = Partial<Record<CsvField, number>>;

export { normalizeHeader };

/**
 * Headers recognised per field (normalised), from the CRM layouts the import step knows
 * (`import/layouts.ts`), in English and Spanish. The first match from the left wins.
 */
export const HEADER_ALIASES: Readonly<Record<CsvField, readonly string[]>> = Object.fromEntries(
  CSV_FIELDS.map((f) => [f, ALIASES[f]]),
) as Record<CsvField, readonly string[]>;

/** Matches headers to fields through the aliases; each column is used at most once. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of Object.keys(HEADER_ALIASES) as CsvField[]) {
    for (const alias of HEADER_ALIASES[field]) {
      const i = normalized.findIndex((h, j) => h === alias && !used.has(j));
      if (i !== -1) {
        mapping[field] = i;
        used.add(i);
        break;
      }
    }
  }
  return mapping;
}

/**
 * An amount as people type it: `2500`, `2,500.50`, `2.500,50`, `€ 1 200`, `1200 €`. A single
 * separator followed by exactly three digits, after one to three digits, groups thousands
 * (`1.234`, `1,234`); otherwise it is the decimal mark. `NaN` when it is not a number.
 */
export function parseAmount(text: string): number {
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[^\d\-+.,]+|[^\d.,]+$/g, '');
  if (!/^[-+]?[\d.,]+$/.test(s) || !/\d/.test(s)) return NaN;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot !== -1 && lastComma !== -1) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    s = s.split(group).join('').replace(decimal, '.');
  } else if (lastDot !== -1 || lastComma !== -1) {
    const sep = lastDot !== -1 ? '.' : ',';
    const parts = s.split(sep);
    const grouping =
      parts.length > 2 || (parts[1]!.length === 3 && /^[-+]?[1-9]\d{0,2}$/.test(parts[0]!));
    s = grouping ? parts.join('') : parts.join('.');
  }
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
}

/**
 * A date as `YYYY-MM-DD`, from ISO (with or without time), `YYYY/MM/DD`, or `D/M/YYYY` /
 * `M/D/YYYY` (`dayFirst` decides when both parts are ≤ 12). `null` when not a real date.
 */
export function parseDate(text: string, dayFirst: boolean): string | null {
  const s = text.trim();
  const pad = (n: number) => String(n).padStart(2, '0');
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s.*)?$/.exec(s);
    if (!match) return null;
    const [a, b] = [Number(match[1]), Number(match[2])];
    const first = a > 12 ? true : b > 12 ? false : dayFirst;
    [d, m] = first ? [a, b] : [b, a];
    y = Number(match[3]);
  }
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : null;
}

/** Milliseconds from an ISO timestamp or any date `parseDate` reads (midnight UTC). */
function parseTimestamp(text: string, dayFirst: boolean): number | null {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? null : t;
  }
  const iso = parseDate(s, dayFirst);
  return iso === null ? null : Date.parse(`${iso}T00:00:00Z`);
}

export const OUTCOME_WORDS: Readonly<Record<string, DealOutcome>> = {
  open: 'open',
  abierto: 'open',
  abierta: 'open',
  won: 'won',
  'closed won': 'won',
  ganado: 'won',
  ganada: 'won',
  'cerrado ganado': 'won',
  'cerrada ganada': 'won',
  lost: 'lost',
  'closed lost': 'lost',
  perdido: 'lost',
  perdida: 'lost',
  'cerrado perdido': 'lost',
  'cerrada perdida': 'lost',
};

const OUTCOME_LABELS: Record<Lang, Record<DealOutcome, string>> = {
  en: { open: 'open', won: 'won', lost: 'lost' },
  es: { open: 'abierta', won: 'ganada', lost: 'perdida' },
};

export interface CsvToDealsOptions {
  lang?: Lang;
  /** Overrides the guessed mapping, field by field. */
  mapping?: ColumnMapping;
  /** How to read `1/2/2025`; default: true for `es`, false for `en`. */
  dayFirst?: boolean;
}

export interface CsvToDealsResult {
  deals: NewDeal[];
  /** Every problem of every row; `row` is the spreadsheet row (the header is row 1). */
  errors: FieldError[];
  mapping: ColumnMapping;
  headers: string[];
}

/**
 * Reads every data row into a deal and checks it, collecting all problems. Text is kept as
 * text: a title such as `<b>Acme</b>` is stored as those characters and never interpreted.
 * A stage cell naming no stage but saying won / lost (`Closed Won`, `Perdido`) sets the
 * outcome, in the last stage.
 */
export function csvToDeals(
  table: CsvTable,
  pipeline: Pipeline,
  options: CsvToDealsOptions = {},
): CsvToDealsResult {
  const lang = options.lang ?? 'en';
  const dayFirst = options.dayFirst ?? lang === 'es';
  const [headerRow = [], ...rows] = table.rows;
  const headers = headerRow.map((h) => h.trim());
  const mapping = { ...guessMapping(headers), ...options.mapping };
  const errors: FieldError[] = [];
  const deals: NewDeal[] = [];
  const fail = (row: number, field: string, code: string, value = '') =>
    errors.push({ row, field, code, message: message(lang, code, { field, value }) });
  if (mapping.title === undefined) {
    fail(1, 'title', 'no-columns');
    return { deals, errors, mapping, headers };
  }
  if (rows.length === 0) fail(1, '', 'empty');

  const stageByName = new Map<string, string>();
  for (const s of pipeline.stages) {
    for (const n of [s.id, s.name, ...Object.values(s.names ?? {})]) {
      if (n) stageByName.set(normalizeHeader(n), s.id);
    }
  }
  const lastStage = pipeline.stages[pipeline.stages.length - 1]!.id;

  rows.forEach((cells, i) => {
    const row = i + 2;
    const cell = (f: CsvField): string | undefined => {
      const c = mapping[f];
      if (c === undefined) return undefined;
      const v = unprotectCell((cells[c] ?? '').trim());
      return v === '' ? undefined : v;
    };
    const deal: NewDeal = { title: cell('title') ?? '' };
    for (const f of ['company', 'contact', 'owner', 'notes', 'lostReason'] as const) {
      const v = cell(f);
      if (v !== undefined) deal[f] = v;
    }
    const amount = cell('amount');
    if (amount !== undefined) {
      const n = parseAmount(amount);
      if (Number.isNaN(n)) fail(row, 'amount', 'not-a-number', amount);
      else deal.amount = n;
    }
    const currency = cell('currency');
    if (currency !== undefined) deal.currency = currency.toUpperCase();
    const close = cell('expectedClose');
    if (close !== undefined) {
      const iso = parseDate(close, dayFirst);
      if (iso === null) fail(row, 'expectedClose', 'bad-date', close);
      else deal.expectedClose = iso;
    }
    const created = cell('createdAt');
    if (created !== undefined) {
      const t = parseTimestamp(created, dayFirst);
      if (t === null) fail(row, 'createdAt', 'bad-date', created);
      else deal.createdAt = t;
    }
    const outcomeText = cell('outcome');
    if (outcomeText !== undefined) {
      const o = OUTCOME_WORDS[normalizeHeader(outcomeText)];
      if (o === undefined) fail(row, 'outcome', 'bad-outcome', outcomeText);
      else deal.outcome = o;
    }
    const stage = cell('stage');
    if (stage !== undefined) {
      const key = normalizeHeader(stage);
      const id = stageByName.get(key);
      const implied = OUTCOME_WORDS[key];
      if (id !== undefined) deal.stageId = id;
      else if (implied && implied !== 'open') {
        deal.stageId = lastStage;
        deal.outcome ??= implied;
      } else fail(row, 'stage', 'unknown-stage', stage);
    }
    if (deal.outcome !== 'lost') delete deal.lostReason;
    const { title, amount: a, currency: c, ...rest } = deal;
    errors.push(
      ...checkDealFields(
        {
          title,
          ...(a === undefined ? {} : { amount: a }),
          ...(c === undefined ? {} : { currency: c }),
          ...rest,
        },
        undefined,
        lang,
        { row },
      ),
    );
    deals.push(deal);
  });
  return { deals, errors, mapping, headers };
}

/** Refuses a file over the size limit before reading a byte of it, then reads it as text. */
export async function readImportFile(file: Blob | string, lang: Lang = 'en'): Promise<string> {
  const size = typeof file === 'string' ? file.length : file.size;
  if (size > MAX_IMPORT_BYTES) {
    throw new StoreError('too-large', tooLargeMessage(lang, size), {
      details: [{ field: '', code: 'too-large', message: tooLargeMessage(lang, size) }],
    });
  }
  return typeof file === 'string' ? file : file.text();
}

export interface CsvImportOptions extends CsvToDealsOptions, ImportOptions {}

/**
 * Imports a CSV file of deals into a pipeline: size check, parse, map, validate every row
 * (rejecting with `StoreError('invalid')` listing each bad row and field), then one
 * all-or-nothing write. Returns the stored deals.
 */
export async function importCsv(
  repository: SalesRepository,
  pipelineId: string,
  file: Blob | string,
  options: CsvImportOptions = {},
): Promise<Deal[]> {
  const lang = options.lang ?? 'en';
  const text = await readImportFile(file, lang);
  options.onProgress?.({ phase: 'read', done: text.length, total: text.length });
  const pipeline = await repository.getPipeline(pipelineId);
  if (!pipeline) throw new StoreError('not-found', `No pipeline with id ${pipelineId}`);
  const { deals, errors } = csvToDeals(parseCsv(text), pipeline, options);
  if (errors.length) {
    throw new StoreError('invalid', errors.map((e) => `row ${e.row}: ${e.message}`).join('; '), {
      details: errors,
    });
  }
  return repository.importDeals(pipelineId, deals, options);
}

/**
 * A column's header: the field's label, except that the outcome column holds a deal's state
 * (open, won, lost), which a spreadsheet heads "Status" / "Estado".
 */
function csvHeader(lang: Lang, field: CsvField): string {
  if (field === 'outcome') return lang === 'es' ? 'Estado' : 'Status';
  return FIELD_LABELS[lang][field];
}

/**
 * An amount as text `parseAmount` reads back as the same number: `1.234` would be read as
 * 1234 (a thousands group), so three decimals after a short integer part get a fourth, `1.2340`.
 */
function amountCell(amount: number): string {
  const s = String(amount);
  return /^[-+]?[1-9]\d{0,2}\.\d{3}$/.test(s) ? `${s}0` : s;
}

/**
 * Deals as CSV that `importCsv` reads back to the same fields and that spreadsheets open
 * safely (formula-like text is neutralised). `es` uses `;`, as Spanish-locale Excel expects.
 */
export function dealsToCsv(
  pipeline: Pipeline,
  deals: readonly Deal[],
  options: { lang?: Lang; delimiter?: Delimiter } = {},
): string {
  const lang = options.lang ?? 'en';
  const stageName = new Map(pipeline.stages.map((s) => [s.id, s.names?.[lang] ?? s.name]));
  const rows = deals.map((d) =>
    CSV_FIELDS.map((f): string | number | undefined => {
      switch (f) {
        case 'stage':
          return stageName.get(d.stageId) ?? d.stageId;
        case 'outcome':
          return OUTCOME_LABELS[lang][d.outcome];
        case 'createdAt':
          // A time stored before times were bounded is written as it is, not thrown on.
          return isDealTime(d.createdAt)
            ? new Date(d.createdAt).toISOString()
            : String(d.createdAt);
        case 'amount':
          return amountCell(d.amount);
        default:
          return d[f];
      }
    }),
  );
  return formatCsv(
    [CSV_FIELDS.map((f) => csvHeader(lang, f)), ...rows],
    options.delimiter ?? (lang === 'es' ? ';' : ','),
  );
}

/** A whole pipeline (deals and history) as JSON text. */
export async function exportPipelineJson(
  repository: SalesRepository,
  pipelineId: string,
): Promise<string> {
  return JSON.stringify(await repository.exportPipeline(pipelineId), null, 2);
}

/** Reads a pipeline JSON file, validates all of it, and stores it in one go. */
export async function importPipelineJson(
  repository: SalesRepository,
  file: Blob | string,
  options: ImportOptions & { lang?: Lang; replace?: boolean } = {},
): Promise<Pipeline> {
  const lang = options.lang ?? 'en';
  const text = await readImportFile(file, lang);
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const error = { field: '', code: 'bad-format', message: message(lang, 'bad-format') };
    throw new StoreError('invalid', error.message, { details: [error], cause: e });
  }
  return repository.importPipeline(data as PipelineExport, options);
}
