import {
  SAMPLE_DEALS,
  SAMPLE_SEED,
  isSampleDealId,
  sampleEventId,
  sampleHistory,
} from '../analytics/sample.js';
import type { Deal, Lang, StageEvent } from '../model/types.js';
import type { Tx } from './backend.js';
import { pipelineIn } from './lookups.js';
import { rankOnTop } from './placement.js';
import type { SampleLoad, SampleLoadOptions } from './repository.js';

/**
 * Loading the sample history into a stored pipeline, as one read-write transaction: read the
 * pipeline and its deals, generate the sample for its stages, remove the earlier sample's
 * deals the person never touched, write the new ones. Sample deals the person moved,
 * reordered, edited or closed stay exactly as they are, and so does every deal that is not a
 * sample deal: a deal another tab writes meanwhile either commits before (and is kept) or
 * after (and is not seen). What "never touched" means is `isUntouchedSample`.
 */

/**
 * A sample deal as `sampleHistory` made it, never written to since: its id is a sample id of
 * its pipeline, and its history is exactly the sample's, events `<id>-e1` to `<id>-eN` with
 * `version` N. Every write the store makes to a deal breaks this: an edit, a reorder or a
 * restore raises the version without adding an event; a move, a win, a loss or a reopen adds
 * an event whose id the store generates; deleting it removes it. Only the renumbering of a
 * column to make room for another deal changes a deal without the person touching it (its
 * rank): that deal stays untouched.
 */
export function isUntouchedSample(deal: Deal, events: readonly StageEvent[]): boolean {
  if (!isSampleDealId(deal.id, deal.pipelineId) || events.length !== deal.version) return false;
  const ids = new Set(events.filter((e) => e.dealId === deal.id).map((e) => e.id));
  if (ids.size !== deal.version) return false;
  for (let n = 1; n <= deal.version; n++) if (!ids.has(sampleEventId(deal.id, n))) return false;
  return true;
}

/** What the write did, and the ids of the deals it wrote or removed (for the change feed). */
export interface SampleWrite {
  result: SampleLoad;
  changed: string[];
}

/** The body of `SalesRepository.loadSample`, in a transaction over pipelines, deals, events. */
export async function loadSampleIn(
  tx: Tx,
  pipelineId: string,
  options: SampleLoadOptions & { now: number; lang: Lang },
): Promise<SampleWrite> {
  const pipeline = await pipelineIn(tx, pipelineId);
  const sample = sampleHistory({
    seed: options.seed ?? SAMPLE_SEED,
    deals: options.deals ?? SAMPLE_DEALS,
    now: options.now,
    lang: options.lang,
    pipeline,
  });
  const stored = await tx.all('deals', 'byPipeline', pipelineId);
  const storedEvents = await tx.all('events', 'byPipeline', pipelineId);
  const eventsOf = new Map<string, StageEvent[]>();
  for (const e of storedEvents) {
    const list = eventsOf.get(e.dealId);
    if (list) list.push(e);
    else eventsOf.set(e.dealId, [e]);
  }

  const replaced: string[] = [];
  let kept = 0;
  const taken = new Set<string>();
  for (const deal of stored) {
    if (!isSampleDealId(deal.id, pipelineId)) continue;
    if (isUntouchedSample(deal, eventsOf.get(deal.id) ?? [])) replaced.push(deal.id);
    else {
      kept += 1;
      taken.add(deal.id);
    }
  }
  for (const id of replaced) {
    await tx.delete('deals', id);
    for (const e of eventsOf.get(id) ?? []) await tx.delete('events', e.id);
  }
  // Deal ids are unique across pipelines: a sample id another pipeline holds stays its own.
  for (const d of sample.deals) {
    if (taken.has(d.id)) continue;
    const other = await tx.get('deals', d.id);
    if (other && other.pipelineId !== pipelineId) taken.add(d.id);
  }

  const deals = sample.deals.filter((d) => !taken.has(d.id));
  const events = sample.events.filter((e) => !taken.has(e.dealId));
  await rankOnTop(tx, pipelineId, deals);
  await tx.putMany('deals', deals, (done) =>
    options.onProgress?.({ phase: 'write', done, total: deals.length }),
  );
  await tx.putMany('events', events);
  const changed = new Set([...replaced, ...deals.map((d) => d.id)]);
  return { result: { loaded: deals.length, kept }, changed: [...changed] };
}
