import { StoreError, technicalDetail } from '../../../store/errors.js';
import { word, type Words } from '../panels/notices.js';
import type { PipelineStrings } from '../strings.js';

/**
 * What a refusal from the store means for the person reading the board: its cause in plain
 * words, in the board's (overridable) strings. The browser's own text only goes to the console.
 */

/**
 * A failure's cause, as the `{detail}` of `failed` or `noPipeline`: a key of the board's
 * strings, worded when shown (the store words an invalid input itself, naming the field);
 * never the browser's own text, which goes to the console instead.
 */
export function failureWords(e: unknown): Words | string {
  const err = e instanceof StoreError ? e : undefined;
  if (err?.code === 'quota') return { key: 'quota' };
  if (err?.code === 'closed') return { key: 'reasonClosed' };
  if (err?.code === 'not-found') return { key: 'reasonGone' };
  if (err?.code === 'invalid' && err.details.length) {
    return err.details.map((d) => d.message).join(' ');
  }
  console.error('sales-pipeline: a storage call failed:', technicalDetail(e));
  return { key: 'reasonStorage' };
}

/** "The change could not be saved" and why, worded in `s` (which holds the failures' texts). */
export function failedText(e: unknown, s: PipelineStrings): string {
  return word({ key: 'failed', values: { detail: failureWords(e) } }, s) ?? technicalDetail(e);
}

/** Whether the store refused a write for naming a stage the pipeline no longer has. */
export const stageGone = (e: unknown): boolean =>
  e instanceof StoreError &&
  e.code === 'invalid' &&
  e.details.some((d) => d.code === 'unknown-stage');
