import type { Deal } from './types.js';

/**
 * Every field of a deal, once: its name, what kind of value it holds, and where people see it.
 * The CSV columns, the re-import's compared fields, the synced document's keys and the deal
 * dialog's fields are all read from this list, so a new field is added in one place. Pure.
 */

export type DealFieldKind =
  | 'id'
  | 'title'
  | 'text'
  | 'amount'
  | 'currency'
  | 'date'
  | 'stage'
  | 'outcome'
  | 'timestamp'
  | 'rank'
  | 'version';

export interface DealField {
  name: keyof Deal;
  kind: DealFieldKind;
  /** A column of the CSV export (and a field the CSV import fills). */
  csv?: true;
  /** A field of the add / edit dialog. */
  form?: true;
}

/** In the order the CSV export writes its columns and the dialog shows its fields. */
export const DEAL_FIELDS = [
  { name: 'id', kind: 'id' },
  { name: 'pipelineId', kind: 'id' },
  { name: 'title', kind: 'title', csv: true, form: true },
  { name: 'company', kind: 'text', csv: true, form: true },
  { name: 'contact', kind: 'text', csv: true, form: true },
  { name: 'amount', kind: 'amount', csv: true, form: true },
  { name: 'currency', kind: 'currency', csv: true, form: true },
  { name: 'owner', kind: 'text', csv: true, form: true },
  { name: 'expectedClose', kind: 'date', csv: true, form: true },
  { name: 'stageId', kind: 'stage', csv: true, form: true },
  { name: 'outcome', kind: 'outcome', csv: true },
  { name: 'lostReason', kind: 'text', csv: true },
  { name: 'notes', kind: 'text', csv: true, form: true },
  { name: 'sourceId', kind: 'text' },
  { name: 'createdAt', kind: 'timestamp', csv: true },
  { name: 'updatedAt', kind: 'timestamp' },
  { name: 'stageEnteredAt', kind: 'timestamp' },
  { name: 'rank', kind: 'rank' },
  { name: 'version', kind: 'version' },
] as const satisfies readonly DealField[];

type Entry = (typeof DEAL_FIELDS)[number];

/** The names of the fields that `test` keeps, in list order. */
export function dealFieldNames<E extends Entry>(test: (f: Entry) => f is E): E['name'][] {
  return DEAL_FIELDS.filter(test).map((f) => f.name);
}

/** Every key a stored deal may have. */
export const DEAL_KEYS: readonly (keyof Deal)[] = DEAL_FIELDS.map((f) => f.name);

/** Fields of free text besides the title. */
export const DEAL_TEXT_FIELDS = dealFieldNames(
  (f): f is Extract<Entry, { kind: 'text' }> => f.kind === 'text',
);

/** Fields a person gives (typed, or through an import), checked on every write. */
export const DEAL_INPUT_FIELDS = dealFieldNames(
  (f): f is Exclude<Entry, { kind: 'id' | 'timestamp' | 'rank' | 'version' }> =>
    !['id', 'timestamp', 'rank', 'version'].includes(f.kind),
);

/** The dialog's fields, in the order it shows them. */
export const DEAL_FORM_FIELDS = dealFieldNames(
  (f): f is Extract<Entry, { form: true }> => 'form' in f,
);

/** The CSV export's columns, in file order. */
export const DEAL_CSV_FIELDS = dealFieldNames(
  (f): f is Extract<Entry, { csv: true }> => 'csv' in f,
);

/** Fields a re-import compares and updates (stage and outcome change as moves). */
export const DEAL_REIMPORT_FIELDS = dealFieldNames(
  (
    f,
  ): f is Extract<Entry, { csv: true; kind: 'title' | 'text' | 'amount' | 'currency' | 'date' }> =>
    'csv' in f && !['stage', 'outcome', 'timestamp'].includes(f.kind),
);

/** Stored times (ms since 1970) every deal has. */
export const DEAL_TIMESTAMPS = dealFieldNames(
  (f): f is Extract<Entry, { kind: 'timestamp' }> => f.kind === 'timestamp',
);

/** The largest amount a deal may have: beyond it sums and shares lose their meaning. */
export const MAX_AMOUNT = 1e15;

/** The window a stored time must fall in: 1970-01-01 to the end of 9999, UTC. */
export const MIN_TIME = 0;
export const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A time in ms that every view can show and every export write (`toISOString` throws past ±8.64e15). */
export const isDealTime = (t: unknown): t is number =>
  typeof t === 'number' && Number.isFinite(t) && t >= MIN_TIME && t <= MAX_TIME;

/** An ISO day `YYYY-MM-DD` inside the same window (its form is checked elsewhere). */
export const isDealDay = (day: string): boolean => day >= '1970-01-01' && day <= '9999-12-31';
