import type { Tx } from './backend.js';
import type { BuildContext } from './builders.js';
import { fieldError, invalidError, notFoundError } from './errors.js';
import type { SavedScenario } from './records.js';
import type { NewScenario } from './repository.js';

/**
 * The write rules of saved what-if scenarios, each the body of one transaction over
 * `scenarios`: save (create, or overwrite by id keeping its creation time), rename, delete. A
 * scenario is stored as the simulator gives it; only its name and its shape are checked here.
 */

export async function saveScenarioIn(
  tx: Tx,
  ctx: BuildContext,
  input: NewScenario,
): Promise<SavedScenario> {
  if (input.name.trim() === '') throw invalidError([fieldError(ctx.lang, 'name', 'required')]);
  if (typeof input.scenario !== 'object' || !Array.isArray(input.scenario?.stages)) {
    throw invalidError([fieldError(ctx.lang, 'scenario', 'bad-type')]);
  }
  const existing = input.id === undefined ? undefined : await tx.get('scenarios', input.id);
  const at = ctx.now();
  const record: SavedScenario = {
    id: input.id ?? ctx.newId(),
    name: input.name.trim(),
    pipelineId: input.pipelineId ?? null,
    scenario: input.scenario,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  await tx.put('scenarios', record);
  return record;
}

export async function renameScenarioIn(
  tx: Tx,
  ctx: BuildContext,
  id: string,
  name: string,
): Promise<SavedScenario> {
  if (name.trim() === '') throw invalidError([fieldError(ctx.lang, 'name', 'required')]);
  const s = await tx.get('scenarios', id);
  if (!s) throw notFoundError('scenario', id);
  const next = { ...s, name: name.trim(), updatedAt: ctx.now() };
  await tx.put('scenarios', next);
  return next;
}

/** Deletes the scenario; resolves with the pipeline it belonged to. */
export async function deleteScenarioIn(tx: Tx, id: string): Promise<string | null> {
  const s = await tx.get('scenarios', id);
  if (!s) throw notFoundError('scenario', id);
  await tx.delete('scenarios', id);
  return s.pipelineId;
}
