import type { Lang } from '../../model/types.js';

/**
 * The UI text of training mode (`presenting`), its deck and its links: part of
 * `SimulatorStrings`, kept beside it so the two tables stay readable.
 */
export interface TrainingStrings {
  showAnswer: string;
  /** Where the lever sentence goes until the answer is shown. */
  answerHidden: string;
  fullscreen: string;
  blank: string;
  /** The blanked screen's name: it is a button that shows the screen again. */
  blanked: string;
  previousStep: string;
  nextStep: string;
  stepStatus: string;
  /** "+5 pp at Qualification → +4.3 won, +€13K". */
  stepChange: string;
  stepNewScenario: string;
  stepFirst: string;
  stepPoints: string;
  stepRate: string;
  stepLeads: string;
  stepDealValue: string;
  stepWon: string;
  deckLoaded: string;
  deckRejected: string;
  deckFromSaved: string;
  audienceLink: string;
  audienceCopied: string;
}

export const TRAINING_STRINGS: Record<Lang, TrainingStrings> = {
  en: {
    showAnswer: 'Show the answer',
    answerHidden:
      'Where does an improvement pay off most? The answer is shown after the last stage.',
    fullscreen: 'Full screen',
    blank: 'Blank the screen',
    blanked: 'Screen blanked: press B or select to show it again',
    previousStep: 'Previous step',
    nextStep: 'Next step',
    stepStatus: 'Step {n} of {total}: {title}',
    stepChange: '{change} → {won}, {revenue}',
    stepNewScenario: 'New scenario',
    stepFirst: 'Starting point',
    stepPoints: '{points} at {stage}',
    stepRate: '{stage} at {rate}',
    stepLeads: '{leads} leads',
    stepDealValue: 'deal value {value}',
    stepWon: '{won} won',
    deckLoaded: 'Deck “{title}” loaded: {steps} steps.',
    deckRejected: 'The deck could not be used: {detail}',
    deckFromSaved: 'Deck from saved scenarios',
    audienceLink: 'Audience link',
    audienceCopied: 'Audience link copied: it opens this step, read-only.',
  },
  es: {
    showAnswer: 'Mostrar la respuesta',
    answerHidden:
      '¿Dónde rinde más una mejora? La respuesta se muestra después de la última etapa.',
    fullscreen: 'Pantalla completa',
    blank: 'Oscurecer la pantalla',
    blanked: 'Pantalla oscurecida: pulse B o selecciónela para volver a verla',
    previousStep: 'Paso anterior',
    nextStep: 'Paso siguiente',
    stepStatus: 'Paso {n} de {total}: {title}',
    stepChange: '{change} → {won}, {revenue}',
    stepNewScenario: 'Escenario nuevo',
    stepFirst: 'Punto de partida',
    stepPoints: '{points} en {stage}',
    stepRate: '{stage} al {rate}',
    stepLeads: '{leads} contactos',
    stepDealValue: 'valor medio {value}',
    stepWon: '{won} ganadas',
    deckLoaded: 'Presentación «{title}» cargada: {steps} pasos.',
    deckRejected: 'No se pudo usar la presentación: {detail}',
    deckFromSaved: 'Presentación con los escenarios guardados',
    audienceLink: 'Enlace para el público',
    audienceCopied: 'Enlace para el público copiado: abre este paso, solo lectura.',
  },
};
