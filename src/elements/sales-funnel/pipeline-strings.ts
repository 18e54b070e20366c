import type { Lang } from '../../model/types.js';
import { FUTURE_DATED } from '../future-dated.js';

/**
 * The texts only a chart of a stored pipeline shows (`pipeline`): loaded with the pipeline
 * source, so other charts do not carry them (`strings.ts` has them all).
 */
export interface PipelineModeStrings {
  /** With `pipeline`: the last band, the deals won. */
  wonBand: string;
  /**
   * With `pipeline`, a band's conversion is that of the decided deals of the stage before it
   * (went on or were lost; still open ones are left out). `{rate}` on the band's label…
   */
  decidedWentOn: string;
  /** …shorter, still saying "decided", for narrower charts… */
  decidedMedium: string;
  /** …shortest, for the narrowest… */
  decidedShort: string;
  /** …the column of the tooltip and the table… */
  colDecided: string;
  /** …and its value: `{rate}` of `{of}` decided deals, `{won}` of which went on. */
  decidedOf: string;
  /** With `pipeline`, the biggest drop, said with that definition. */
  biggestDropDecided: string;
  /** The caption of a pipeline's funnel: `{name}` the pipeline's name; says what "reached" means. */
  pipelineNote: string;
  /** After the note: `{count}` deals dated after now (a clock that was ahead), counted as of now. */
  futureDated: string;
  /** A pipeline not created yet: `{id}` the id asked for. */
  pipelineMissing: string;
  /** What the compared outline is when it is the pipeline's plan (a saved scenario). */
  planLabel: string;
}

const en: PipelineModeStrings = {
  wonBand: 'Won',
  decidedWentOn: '{rate} of decided deals went on',
  decidedMedium: '{rate} of decided went on',
  decidedShort: '{rate} of decided',
  colDecided: 'Decided deals that went on',
  decidedOf: '{rate} ({won} of {of})',
  biggestDropDecided:
    'Most deals are lost entering {stage}: only {rate} of the decided deals in {previous} went on.',
  pipelineNote:
    'Live from pipeline “{name}”: the deals that ever reached each stage, open, won or lost (a won deal counts in every stage). Each percentage is of the deals decided in the stage before: those that went on or were lost there, not those still open.',
  futureDated: FUTURE_DATED.en,
  pipelineMissing: 'There is no pipeline “{id}” yet; the funnel appears when it is created.',
  planLabel: 'Plan',
};

const es: PipelineModeStrings = {
  wonBand: 'Ganadas',
  decidedWentOn: '{rate} de las oportunidades decididas avanzó',
  decidedMedium: '{rate} de las decididas avanzó',
  decidedShort: '{rate} de decididas',
  colDecided: 'Oportunidades decididas que avanzaron',
  decidedOf: '{rate} ({won} de {of})',
  biggestDropDecided:
    'Donde más se pierde es al entrar en {stage}: solo avanzó el {rate} de las oportunidades decididas en {previous}.',
  pipelineNote:
    'En directo del flujo de ventas «{name}»: las oportunidades que alguna vez llegaron a cada etapa, abiertas, ganadas o perdidas (una ganada cuenta en todas). Cada porcentaje es de las oportunidades decididas en la etapa anterior: las que avanzaron o se perdieron allí, no las que siguen abiertas.',
  futureDated: FUTURE_DATED.es,
  pipelineMissing: 'Aún no existe el flujo de ventas «{id}»; el embudo aparecerá cuando se cree.',
  planLabel: 'Plan',
};

export const PIPELINE_MODE_STRINGS: Record<Lang, PipelineModeStrings> = { en, es };
