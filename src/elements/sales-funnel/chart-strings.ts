import type { Lang } from '../../model/types.js';

/**
 * The texts of every `<sales-funnel>` chart, in the first download (`strings.ts` has them all).
 * Entries may hold `{name}` placeholders, filled by `t()`.
 */
export interface ChartStrings {
  funnelLabel: string;
  stagesLabel: string;
  tableCaption: string;
  colStage: string;
  colCount: string;
  colShare: string;
  colConversion: string;
  /** Money of counts × a deal value: what the deals would bring if all were won. */
  colValue: string;
  /** Money of a scenario: expected revenue, on the stage where deals are won. */
  colRevenue: string;
  colChange: string;
  fromPrevious: string;
  /** Short for "from previous" on narrow charts. */
  conversionShort: string;
  vsCompare: string;
  /** `vs. {label}` with the host's `compare-label`. */
  vsLabel: string;
  /** The won stage's label line: `{won}` expected won deals, then their revenue. */
  wonHere: string;
  unknown: string;
  empty: string;
  biggestDrop: string;
  payoff: string;
  payoffLeads: string;
  expectedWon: string;
  unknownPreset: string;
  errorTitle: string;
}

const en: ChartStrings = {
  funnelLabel: 'Sales funnel',
  stagesLabel: 'Funnel stages',
  tableCaption: 'Funnel data',
  colStage: 'Stage',
  colCount: 'Count',
  colShare: 'Share of top',
  colConversion: 'From previous',
  colValue: 'Value if won',
  colRevenue: 'Revenue',
  colChange: 'Change',
  fromPrevious: 'from previous',
  conversionShort: 'conv.',
  vsCompare: 'vs. compared',
  vsLabel: 'vs. {label}',
  wonHere: '✓ {won} won',
  unknown: 'unknown',
  empty: 'No stages to show.',
  biggestDrop: 'Most deals are lost entering {stage}: only {rate} of {previous} continue.',
  payoff: 'Improving {stage} by {points} pays off most: +{won} won ({revenue}).',
  payoffLeads: 'More leads pay off most: +{won} won ({revenue}) from {points} more leads.',
  expectedWon: 'Expected won: {won} ({revenue}).',
  unknownPreset: 'There is no preset “{id}”. Choose one of: {ids}.',
  errorTitle: 'The funnel cannot be drawn',
};

const es: ChartStrings = {
  funnelLabel: 'Embudo de ventas',
  stagesLabel: 'Etapas del embudo',
  tableCaption: 'Datos del embudo',
  colStage: 'Etapa',
  colCount: 'Cantidad',
  colShare: 'Del total',
  colConversion: 'De la anterior',
  colValue: 'Valor si se ganan',
  colRevenue: 'Ingresos',
  colChange: 'Cambio',
  fromPrevious: 'de la anterior',
  conversionShort: 'conv.',
  vsCompare: 'frente a la comparación',
  vsLabel: 'frente a {label}',
  wonHere: '✓ {won} ganadas',
  unknown: 'desconocido',
  empty: 'No hay etapas que mostrar.',
  biggestDrop: 'Donde más se pierde es al entrar en {stage}: solo sigue el {rate} de {previous}.',
  payoff: 'Mejorar {stage} en {points} es lo que más rinde: +{won} ganadas ({revenue}).',
  payoffLeads: 'Lo que más rinde son más leads: +{won} ganadas ({revenue}) con {points} leads más.',
  expectedWon: 'Ganadas esperadas: {won} ({revenue}).',
  unknownPreset: 'No existe el escenario predefinido «{id}». Elija uno de: {ids}.',
  errorTitle: 'No se puede dibujar el embudo',
};

export const CHART_STRINGS: Record<Lang, ChartStrings> = { en, es };
