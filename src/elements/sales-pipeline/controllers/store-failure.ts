import { StoreError, technicalDetail } from '../../../store/errors.js';
import type { PipelineStrings } from '../strings.js';

/**
 * What a refusal from the store means for the person reading the board: its cause in plain
 * words, in the board's (overridable) strings. The browser's own text only goes to the console.
 */

/**
 * A failure's cause in plain words, as the `{detail}` of `failed` or `noPipeline`: never the
 * browser's own text, which goes to the console instead.
 */
export function failureText(e: unknown, s: PipelineStrings): string {
  const err = e instanceof StoreError ? e : undefined;
  if (err?.code === 'quota') return s.quota;
  if (err?.code === 'closed') return s.reasonClosed;
  if (err?.code === 'not-found') return s.reasonGone;
  // The store words these for people already, naming the field.
  if (err?.code === 'invalid' && err.details.length) {
    return err.details.map((d) => d.message).join(' ');
  }
  console.error('sales-pipeline: a storage call failed:', technicalDetail(e));
  return s.reasonStorage;
}

/** Whether the store refused a write for naming a stage the pipeline no longer has. */
export const stageGone = (e: unknown): boolean =>
  e instanceof StoreError &&
  e.code === 'invalid' &&
  e.details.some((d) => d.code === 'unknown-stage');
