import type { Lang } from '../../model/types.js';
import { CHART_STRINGS, type ChartStrings } from './chart-strings.js';
import { EXPORT_STRINGS, type ExportStrings } from './export-strings.js';
import { PIPELINE_MODE_STRINGS, type PipelineModeStrings } from './pipeline-strings.js';

/**
 * The UI text of `<sales-funnel>`, per built-in language. Entries may hold `{name}`
 * placeholders, filled by `t()`. A host overrides any subset through the `strings` property.
 * The chart's first download holds `CHART_STRINGS`; the texts of a pipeline's funnel come with
 * the pipeline source, the first time `pipeline` is set; the export menu's with the menu.
 */
export interface FunnelStrings extends ChartStrings, PipelineModeStrings, ExportStrings {}

export const FUNNEL_STRINGS: Record<Lang, FunnelStrings> = {
  en: { ...CHART_STRINGS.en, ...PIPELINE_MODE_STRINGS.en, ...EXPORT_STRINGS.en },
  es: { ...CHART_STRINGS.es, ...PIPELINE_MODE_STRINGS.es, ...EXPORT_STRINGS.es },
};

/** The errors of `renderFunnelSvg`'s options (its data's are the element's). */
export const RENDER_SVG_STRINGS: Record<
  Lang,
  { choice: string; number: string; currency: string }
> = {
  en: {
    choice: '{field} must be one of {allowed}, not “{value}”.',
    number: '{field} must be a number from {min} to {max}, not “{value}”.',
    currency: '{field} must be an ISO 4217 currency code such as EUR, not “{value}”.',
  },
  es: {
    choice: '{field} debe ser uno de estos valores: {allowed}; no «{value}».',
    number: '{field} debe ser un número de {min} a {max}, no «{value}».',
    currency: '{field} debe ser un código de moneda ISO 4217, como EUR; no «{value}».',
  },
};
