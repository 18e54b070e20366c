import { CLASSIC_STAGES } from '../model/pipeline-stages.js';
import type { PipelineStage, Preset } from '../model/types.js';

/** The preset whose stages a new pipeline gets when none is given. */
export const DEFAULT_PRESET = 'pipeline-7';

/** Stages of a new pipeline when the default preset is missing (a build without presets). */
export const DEFAULT_STAGES: readonly PipelineStage[] = CLASSIC_STAGES;

/** A lower-case ASCII id from a name: `Presentación de la oferta` → `presentacion-de-la-oferta`. */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const root = base || 'stage';
  if (!taken.has(root)) return root;
  let n = 2;
  while (taken.has(`${root}-${n}`)) n += 1;
  return `${root}-${n}`;
}

/**
 * Board columns from a preset: its stages up to the won stage (after-sale steps are not deal
 * columns). A stage's probability is the chance a deal there is won, the product of the
 * rates from it to the won stage, so weighted totals match the preset's funnel.
 */
export function stagesFromPreset(preset: Preset): PipelineStage[] {
  const { stages, wonStage } = preset.scenario;
  const last = Math.min(Math.max(wonStage, 0), stages.length - 1);
  const taken = new Set<string>();
  const result: PipelineStage[] = [];
  for (let i = 0; i <= last; i += 1) {
    const s = stages[i]!;
    let probability = 1;
    for (let j = i; j <= last; j += 1) probability *= stages[j]!.rate;
    const id = uniqueId(slug(s.names?.en ?? s.name), taken);
    taken.add(id);
    result.push({
      id,
      name: s.name,
      ...(s.names ? { names: { ...s.names } } : {}),
      probability,
    });
  }
  return result;
}
