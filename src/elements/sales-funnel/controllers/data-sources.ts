import { isServer } from 'lit';
import type { Lang } from '../../../model/types.js';
import { t } from '../../i18n.js';
import { problem, readData, type DataRead } from '../model/funnel-input.js';
import { LazyModule } from '../../controllers/lazy-module.js';
import type { FunnelStrings } from '../strings.js';

type Presets = typeof import('../../../model/preset-scenarios.js');
type ScenarioReader = typeof import('../../../model/validate-scenario.js');
type ScenarioSource = typeof import('../model/scenario-source.js');
type ExportMenu = typeof import('./export-menu.js');

/**
 * The modules given at once rather than loaded on first use: a server renders in one pass and
 * cannot wait for an `import()`, so `sales-funnel/server` puts them here (server.ts).
 */
export const preloaded: {
  presets?: Presets;
  scenarioReader?: ScenarioReader;
  scenarioSource?: ScenarioSource;
  /** The export menu, for `exportable` (the element's own; here as a server needs it). */
  exportMenu?: ExportMenu;
} = {};

/**
 * The data sets `<sales-funnel>` reads, with what they need loaded on first use: the built-in
 * presets for `preset`, the scenario reader for a scenario in `scenario` or `compare`. A chart
 * of stage counts loads neither. (The pipeline source is the element's own: it lives as long as
 * `pipeline` is set.) Each read answers at once; `undefined` means "on its way", and `onLoad`
 * runs when it has arrived, so the element reads again.
 */
export class DataSources {
  private readonly presets: LazyModule<Presets>;
  private readonly scenarioReader: LazyModule<ScenarioReader>;
  /** The projection of a scenario, which a preset needs as much as a scenario read. */
  private readonly scenarioSource: LazyModule<ScenarioSource>;

  constructor(onLoad: () => void) {
    this.presets = new LazyModule(() => import('../../../model/preset-scenarios.js'), onLoad);
    this.scenarioReader = new LazyModule(
      () => import('../../../model/validate-scenario.js'),
      onLoad,
    );
    this.scenarioSource = new LazyModule(() => import('../model/scenario-source.js'), onLoad);
  }

  /** What is loading or loaded (for the element's `getUpdateComplete`). */
  get modules(): LazyModule<unknown>[] {
    return [this.presets, this.scenarioReader, this.scenarioSource];
  }

  get pending(): boolean {
    return this.modules.some((m) => m.pending);
  }

  /** Stage counts or a scenario (`readData`), the scenario reader loaded when one needs it. */
  read(
    input: unknown,
    field: string,
    lang: Lang,
    kind?: 'stages' | 'scenario',
  ): DataRead | undefined {
    // `isServer` is a constant: a browser build keeps only the lazy load.
    const scenarioReaders = () =>
      [
        ((isServer && preloaded.scenarioReader) || this.scenarioReader.get())?.checkScenario,
        this.fromScenario(),
      ] as const;
    const read = readData(input, field, lang, { kind, scenarioReaders });
    return read ?? failed([this.scenarioReader, this.scenarioSource], field);
  }

  /** The built-in preset `id`, projected. */
  preset(id: string, lang: Lang, strings: FunnelStrings): DataRead | undefined {
    const presets = (isServer && preloaded.presets) || this.presets.get();
    const fromScenario = this.fromScenario();
    if (!presets || !fromScenario) return failed([this.presets, this.scenarioSource], 'preset');
    const preset = presets.presetScenario(id);
    if (preset) return { ok: true, source: fromScenario(preset, lang) };
    const ids = presets.PRESET_IDS.join(', ');
    return problem('preset', [t(strings.unknownPreset, { id, ids })]);
  }

  private fromScenario() {
    return ((isServer && preloaded.scenarioSource) || this.scenarioSource.get())?.fromScenario;
  }
}

/** Why a module `field` needs did not load (offline, a missing chunk), once one did not. */
function failed(modules: LazyModule<unknown>[], field: string): DataRead | undefined {
  const error = modules.find((m) => m.error !== undefined)?.error;
  if (error === undefined) return undefined;
  return problem(field, [error instanceof Error ? error.message : String(error)]);
}
