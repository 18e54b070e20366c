import type { Delimiter } from '../csv.js';
import { OUTCOME_WORDS } from '../transfer.js';
import type { Pipeline } from '../../model/types.js';
import {
  addAmountValue,
  decideDecimal,
  newAmountStats,
  type AmountStats,
  type DecimalSign,
} from './amounts.js';
import type { CsvRecord } from './csv-stream.js';
import {
  addDateValue,
  decideDateFormat,
  newDateStats,
  type DateColumnStats,
  type DateFormat,
} from './dates.js';
import type { Encoding } from './decode.js';
import {
  DATE_FIELDS,
  guessColumns,
  normalizeHeader,
  recognizeSource,
  type ColumnUse,
  type ImportField,
  type SourceId,
} from './layouts.js';

/**
 * The first pass over an imported file, and the plan the person confirms from it. The scan
 * reads every row once and keeps, per column, only what a choice needs (which date formats
 * and decimal sign fit all its values, its distinct values while few), so any mapping the
 * person picks is decided from the whole column without reading the file again. Pure.
 */

/** More distinct values than this: not a stage column. */
const MAX_DISTINCT = 500;
/** Lines looked at for the header (exports may start with a title and a blank line). */
const HEADER_WINDOW = 10;
/** Rows shown in the preview. */
export const SAMPLE_ROWS = 5;

export interface ColumnStats {
  dates: DateColumnStats;
  amounts: AmountStats;
  /** Distinct values as written (trimmed) and how often; `null` once there are too many. */
  distinct: Map<string, number> | null;
  filled: number;
}

export interface ImportScan {
  encoding: Encoding;
  delimiter: Delimiter;
  headerLine: number;
  headers: string[];
  source: SourceId;
  /** Each column's use as guessed from its header. */
  guessed: (ColumnUse | null)[];
  /** Data rows (blank lines not counted). */
  rows: number;
  stats: ColumnStats[];
  /** The first data rows, for the preview. */
  sample: CsvRecord[];
  /** The file's last line number (its blank lines counted). */
  lastLine: number;
}

/** Reads records one by one into an `ImportScan`. */
export class Scanner {
  private readonly head: CsvRecord[] = [];
  private scan?: Omit<ImportScan, 'encoding' | 'delimiter'>;

  /** Adds a record of the file, in order. */
  add(record: CsvRecord): void {
    if (!this.scan) {
      this.head.push(record);
      if (this.head.length >= HEADER_WINDOW) this.start();
      return;
    }
    this.count(record);
  }

  finish(encoding: Encoding, delimiter: Delimiter): ImportScan {
    if (!this.scan) this.start();
    return { ...this.scan!, encoding, delimiter };
  }

  private start(): void {
    const records = this.head.splice(0);
    const header = pickHeader(records);
    const headers = header ? header.cells.map((h) => h.trim()) : [];
    const source = recognizeSource(headers);
    this.scan = {
      headerLine: header?.line ?? 1,
      headers,
      source,
      guessed: guessColumns(headers, source),
      rows: 0,
      stats: headers.map(() => ({
        dates: newDateStats(),
        amounts: newAmountStats(),
        distinct: new Map(),
        filled: 0,
      })),
      sample: [],
      lastLine: header?.line ?? 0,
    };
    for (const r of records) if (header && r.line > header.line) this.count(r);
  }

  private count(record: CsvRecord): void {
    const scan = this.scan!;
    scan.lastLine = record.line;
    if (isBlank(record)) return;
    scan.rows += 1;
    if (scan.sample.length < SAMPLE_ROWS) scan.sample.push(record);
    scan.stats.forEach((s, i) => {
      const v = (record.cells[i] ?? '').trim();
      if (v === '') return;
      s.filled += 1;
      addDateValue(s.dates, v);
      addAmountValue(s.amounts, v);
      if (s.distinct) {
        s.distinct.set(v, (s.distinct.get(v) ?? 0) + 1);
        if (s.distinct.size > MAX_DISTINCT) s.distinct = null;
      }
    });
  }
}

export const isBlank = (r: CsvRecord): boolean => r.cells.every((c) => c.trim() === '');

/** The header among the first lines: the one most of whose cells name a deal field. */
function pickHeader(records: readonly CsvRecord[]): CsvRecord | undefined {
  let best: CsvRecord | undefined;
  let bestScore = 0;
  for (const r of records) {
    if (isBlank(r)) continue;
    const headers = r.cells.map((c) => c.trim());
    const score = guessColumns(headers, recognizeSource(headers)).filter(Boolean).length;
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best ?? records.find((r) => !isBlank(r));
}

/** Where a stage value of the file goes on the board. */
export type StageTarget =
  | { kind: 'stage'; stageId: string }
  | { kind: 'won' }
  | { kind: 'lost' }
  | { kind: 'new'; name: string };

/** What the person confirms before anything is written. */
export interface ImportPlan {
  source: SourceId;
  /** Each column's use, `null` for "not imported". */
  columns: (ColumnUse | null)[];
  /** Every distinct stage value of the file, as written, and where it goes. */
  stages: Record<string, StageTarget>;
  /** Date columns' formats; an ambiguous column has none until the person chooses. */
  dates: Record<number, DateFormat>;
  decimals: Record<number, DecimalSign>;
}

/** A question the plan cannot answer alone. */
export interface DateQuestion {
  column: number;
  header: string;
  options: DateFormat[];
  /** A value of the column, to show what is asked about. */
  example: string;
}

/** The stage values of the file as written: the stage column's, the previous stage's, the "Date entered" columns'. */
export function stageValues(scan: ImportScan, columns: readonly (ColumnUse | null)[]): string[] {
  const values: string[] = [];
  const seen = new Set<string>();
  const add = (v: string) => {
    if (v !== '' && !seen.has(v)) {
      seen.add(v);
      values.push(v);
    }
  };
  columns.forEach((use, i) => {
    if (use === 'stage' || use === 'previousStage') {
      for (const v of scan.stats[i]?.distinct?.keys() ?? []) add(v);
    }
  });
  for (const use of columns) if (use?.startsWith('entered:')) add(use.slice('entered:'.length));
  return values;
}

/** Outcome words of the CRMs besides the board's own (HubSpot's internal stage ids, Odoo's). */
const MORE_OUTCOMES: Readonly<Record<string, 'won' | 'lost'>> = {
  closedwon: 'won',
  closedlost: 'lost',
  'closed won deal': 'won',
  'closed lost deal': 'lost',
  'negocio ganado': 'won',
  'negocio perdido': 'lost',
  'trato ganado': 'won',
  'trato perdido': 'lost',
  'cerrado ganado': 'won',
  'cerrado perdido': 'lost',
  'closed (won)': 'won',
  'closed (lost)': 'lost',
  'deal won': 'won',
  'deal lost': 'lost',
};

/** Where a stage value goes unless the person says otherwise: a stage it names, Won, Lost, or a new stage. */
export function suggestStage(value: string, pipeline: Pipeline): StageTarget {
  const key = normalizeHeader(value);
  for (const s of pipeline.stages) {
    const names = [s.id, s.name, ...Object.values(s.names ?? {})].filter(Boolean) as string[];
    if (names.some((n) => normalizeHeader(n) === key)) return { kind: 'stage', stageId: s.id };
  }
  const outcome = OUTCOME_WORDS[key] ?? MORE_OUTCOMES[key] ?? MORE_OUTCOMES[key.replace(/ /g, '')];
  if (outcome === 'won' || outcome === 'lost') return { kind: outcome };
  return { kind: 'new', name: value.trim() };
}

/**
 * The plan to show first: the columns as guessed, each stage value where it was sent the last
 * time from this source (`remembered`) or where its name says, and each date column's format
 * decided from all its values — those that cannot be decided come back as questions.
 */
export function suggestPlan(
  scan: ImportScan,
  pipeline: Pipeline,
  remembered: Readonly<Record<string, StageTarget>> = {},
  columns: readonly (ColumnUse | null)[] = scan.guessed,
): { plan: ImportPlan; questions: DateQuestion[] } {
  const stages: Record<string, StageTarget> = {};
  const valid = (t: StageTarget) =>
    t.kind !== 'stage' || pipeline.stages.some((s) => s.id === t.stageId);
  for (const v of stageValues(scan, columns)) {
    const r = remembered[v];
    stages[v] = r && valid(r) ? r : suggestStage(v, pipeline);
  }
  const dates: Record<number, DateFormat> = {};
  const decimals: Record<number, DecimalSign> = {};
  const questions: DateQuestion[] = [];
  columns.forEach((use, i) => {
    const stats = scan.stats[i];
    if (!use || !stats) return;
    if (use === 'amount') decimals[i] = decideDecimal(stats.amounts, scan.delimiter);
    if (!DATE_FIELDS.has(use as ImportField) && !use.startsWith('entered:')) return;
    const decided = decideDateFormat(stats.dates);
    if (decided.format === 'ambiguous') {
      const example = scan.sample.map((r) => (r.cells[i] ?? '').trim()).find(Boolean) ?? '';
      questions.push({
        column: i,
        header: scan.headers[i] ?? '',
        options: decided.options,
        example,
      });
    } else {
      // A column none of whose values is a date: each row says so when mapped.
      dates[i] = decided.format === 'none' ? 'iso' : decided.format;
    }
  });
  return {
    plan: { source: scan.source, columns: [...columns], stages, dates, decimals },
    questions,
  };
}

/** The columns shown as "not imported": the file's headers no field takes. */
export function notImported(scan: ImportScan, plan: ImportPlan): string[] {
  return scan.headers.filter((h, i) => h !== '' && !plan.columns[i]);
}
