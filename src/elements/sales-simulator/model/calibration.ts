import { formatInteger } from '../../../model/format.js';
import { localizeErrors } from '../../../model/messages.js';
import type { Lang, Scenario, ValidationError } from '../../../model/types.js';
import { parseScenario } from '../../../model/validate.js';
import type { SalesRepository } from '../../../store/repository.js';
import { t } from '../../i18n.js';
import type { SimulatorStrings } from '../strings.js';

/*
 * "Calibrate from my pipeline": a stored pipeline's observed conversions, as counts (so the
 * band widens when there is little history), read through the repository, and the note that
 * says which pipeline the scenario comes from or why it does not. No DOM.
 */

/** Where the `pipeline` calibration stands. */
export type Calibration =
  | { state: 'loading'; id: string }
  | {
      state: 'ok';
      id: string;
      name: string;
      deals: number;
      since: number;
      /** Deals dated after now (a clock that was ahead), counted as of now; absent when none. */
      futureDated?: number;
    }
  | { state: 'empty' | 'missing'; id: string; name: string }
  | { state: 'failed'; id: string; name: string; errors: ValidationError[] };

export interface CalibrationRead {
  calibration: Calibration;
  /** The calibrated scenario, when the pipeline has decided deals to learn from. */
  scenario?: Scenario;
}

/**
 * Reads pipeline `id`, its deals and history, and builds the scenario of its observed
 * conversions. A pipeline with no decided deal, a missing one or one that cannot be read gives
 * no scenario and says why; this never rejects.
 */
export async function readCalibration(
  repo: SalesRepository,
  id: string,
  options: { lang: Lang; dealValue: number; now: number },
): Promise<CalibrationRead> {
  const { lang } = options;
  let name = id;
  try {
    const pipeline = await repo.getPipeline(id);
    if (!pipeline) return { calibration: { state: 'missing', id, name } };
    name = pipeline.name;
    const [stored, storedEvents, analytics, present] = await Promise.all([
      repo.listDeals(id),
      repo.listEvents(id),
      // Pure and only needed with `pipeline`: kept out of the simulator's first download.
      import('../../../analytics/scenario.js'),
      import('../../../analytics/present.js'),
    ]);
    // As the funnel and the forecast count them: what a clock ahead dated later counts now.
    const { deals, events, futureDated } = present.atPresent(stored, storedEvents, options.now);
    const raw = analytics.scenarioFromPipeline(pipeline, deals, events, {
      now: options.now,
      lang,
      dealValue: options.dealValue,
    });
    // Without one decided deal there is no rate to observe, only zeros.
    if (!raw.stages.some((st) => (st.observed?.of ?? 0) > 0)) {
      return { calibration: { state: 'empty', id, name } };
    }
    const parsed = parseScenario(raw, { lang });
    if (!parsed.ok) return { calibration: { state: 'failed', id, name, errors: parsed.errors } };
    const since = Math.min(...deals.map((d) => d.createdAt));
    return {
      calibration: {
        state: 'ok',
        id,
        name,
        deals: deals.length,
        since,
        ...(futureDated ? { futureDated } : {}),
      },
      scenario: parsed.value,
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const errors = [{ path: 'pipeline', code: 'read-failed', message }];
    return { calibration: { state: 'failed', id, name, errors } };
  }
}

/**
 * The note in words. `changed`: the pipeline changed after the person edited the scenario;
 * `fallback` names the scenario shown instead when there is nothing to calibrate from.
 */
export function calibrationText(
  c: Calibration,
  options: { changed: boolean; fallback: string },
  lang: Lang,
  text: SimulatorStrings,
): string {
  const { fallback } = options;
  switch (c.state) {
    case 'loading':
      return t(text.calibrating, { name: c.id });
    case 'ok':
      return options.changed
        ? t(text.pipelineChanged, { name: c.name })
        : t(text.calibratedFrom, {
            name: c.name,
            deals: formatInteger(c.deals, lang),
            since: new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(c.since),
          }) +
            (c.futureDated
              ? ` ${t(text.futureDated, { count: formatInteger(c.futureDated, lang) })}`
              : '');
    case 'empty':
      return t(text.pipelineEmpty, { name: c.name, fallback });
    case 'missing':
      return t(text.pipelineMissing, { name: c.name, fallback });
    case 'failed': {
      const detail = c.errors.some((e) => e.code === 'read-failed')
        ? c.errors.map((e) => e.message).join(' ')
        : localizeErrors(c.errors, lang)
            .slice(0, 3)
            .map((e) => e.message)
            .join(' ');
      return t(text.pipelineFailed, { name: c.name, detail, fallback });
    }
  }
}
