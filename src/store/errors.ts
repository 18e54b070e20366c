import type { Deal, Lang } from '../model/types.js';
import { message } from './messages.js';

/**
 * Why a storage call failed. Elements switch on `code` to pick a localized message; the
 * English `message` is for logs.
 * - `conflict`: the record changed since the caller read it (`current` holds the stored one).
 * - `quota`: the browser refused to store more; nothing of the action was written.
 * - `not-found`: no record with that id.
 * - `invalid`: the input is not acceptable (`details` names the fields).
 * - `too-large`: a file over the import size limit, refused before reading it.
 * - `closed`: the repository was closed (for instance to let a newer version upgrade).
 * - `failed`: anything else the browser reported (`cause` holds it).
 *
 * Opening the database fails with one of these (never with a memory fallback that would
 * pretend to save over data it cannot see):
 * - `newer-version`: the stored database is newer than this code (a newer version of the app
 *   ran here, then an older one was served): reload; the newer data is left untouched.
 * - `corrupt`: the browser could not read its own storage (an internal error).
 * - `timed-out`: the open request gave no event at all in time.
 */
export type StoreErrorCode =
  | 'conflict'
  | 'quota'
  | 'not-found'
  | 'invalid'
  | 'too-large'
  | 'closed'
  | 'failed'
  | 'newer-version'
  | 'corrupt'
  | 'timed-out';

/** One problem with an input record or a row of an imported file (`row` is 1-based, data rows). */
export interface FieldError {
  row?: number;
  field: string;
  code: string;
  message: string;
}

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  /** For `conflict`: the record as it is stored now. */
  readonly current?: Deal;
  /** For `invalid`: every problem found, not only the first. */
  readonly details: FieldError[];

  constructor(
    code: StoreErrorCode,
    message: string,
    extra: { current?: Deal; details?: FieldError[]; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    this.current = extra.current;
    this.details = extra.details ?? [];
  }
}

/** Maps whatever IndexedDB threw (a DOMException, an aborted transaction) to a `StoreError`. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new StoreError('quota', 'The browser has no room left for this data', { cause: error });
  }
  if (name === 'InvalidStateError') {
    return new StoreError('closed', 'The storage connection is closed', { cause: error });
  }
  const text = error instanceof Error ? error.message : String(error);
  return new StoreError('failed', `Storage failed: ${text}`, { cause: error });
}

/** The browser's own words for a failure, for the console and an `error` event's detail. */
export function technicalDetail(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const own = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return cause === undefined ? own : `${own} (${technicalDetail(cause)})`;
}

/**
 * Why opening the database failed, as a `StoreError` of an opening code; `undefined` when
 * the browser does not let this page store anything here (the caller falls back to memory and
 * says so). The DOMException is kept as `cause`.
 */
export function openError(error: unknown): StoreError | undefined {
  if (error instanceof StoreError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  // Storage refused to this page: a sandboxed frame, a private mode, a `file:` page.
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'NotAllowedError') {
    return undefined;
  }
  if (name === 'VersionError') {
    return new StoreError('newer-version', 'The stored database is newer than this code', {
      cause: error,
    });
  }
  return new StoreError('corrupt', 'The browser could not open its stored data', {
    cause: error,
  });
}

/** A `FieldError` whose message, in `lang`, names the field. */
export function fieldError(
  lang: Lang,
  field: string,
  code: string,
  params: Record<string, string | number> = {},
  row?: number,
): FieldError {
  return {
    ...(row === undefined ? {} : { row }),
    field,
    code,
    message: message(lang, code, { field, ...params }),
  };
}

/** The `invalid` error for every problem found. */
export function invalidError(details: FieldError[]): StoreError {
  return new StoreError('invalid', details.map((d) => d.message).join('; '), { details });
}

export function notFoundError(what: string, id: string): StoreError {
  return new StoreError('not-found', `No ${what} with id ${id}`);
}
