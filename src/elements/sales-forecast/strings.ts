import type { Lang } from '../../model/types.js';
import { FUTURE_DATED } from '../future-dated.js';

/** The UI text of `<sales-forecast>`; entries may hold `{name}` placeholders. */
export interface ForecastStrings {
  title: string;
  loading: string;
  noPipeline: string;
  noDeals: string;
  loadFailed: string;
  /** `{count}` deals dated after now (a clock that was ahead), counted as of now. */
  futureDated: string;
  thisQuarter: string;
  nextQuarter: string;
  /** A band in one line: `{low}`, `{expected}`, `{high}`. */
  bandText: string;
  /** A quarter's name from its `{quarter}` (1–4) and `{year}`: "Q4 2026". */
  quarterName: string;
  /** An estimate above 0 that rounds to nothing: `{amount}` is one unit of the currency. */
  underOne: string;
  /**
   * Why an expected value lies outside its low–high range (`BandNote`): `{period}`, `{expected}`,
   * and for `noteRare` the `{chance}` of any win.
   */
  noteRare: string;
  /** `noteRare` for a quarter with wins already: the chance of one more. */
  noteRareMore: string;
  noteAbove: string;
  noteBelow: string;
  wonSoFar: string;
  /** `{chance}` of reaching `{goal}`. */
  chance: string;
  noGoal: string;
  coverage: string;
  goalLabel: string;
  goalSave: string;
  goalSaved: string;
  goalCleared: string;
  goalInvalid: string;
  /** The goal's name in a message about a number typed into it. */
  goalField: string;
  /** A goal typed with another currency's sign; `{sign}`, `{currency}`, `{value}`. */
  goalCurrency: string;
  goalSaveFailed: string;
  tableCaption: string;
  colPeriod: string;
  colWonSoFar: string;
  colLow: string;
  colExpected: string;
  colHigh: string;
  colChance: string;
  monthsTitle: string;
  monthsCaption: string;
  colMonth: string;
  dealsTitle: string;
  topTitle: string;
  riskTitle: string;
  noRisk: string;
  /** `{amount}` × `{chance}` = `{expected}`. */
  dealValue: string;
  /** `{days}` here; `{share}` of deals leave `{stage}` within `{limit}`. */
  staleLearned: string;
  /** `{days}` here; more than `{limit}`. */
  staleFixed: string;
  overdue: string;
  slips: string;
  /** `{period}`: the quarter's label. */
  movementTitle: string;
  movementCaption: string;
  colFlow: string;
  colDeals: string;
  colAmount: string;
  flowOpenAtStart: string;
  flowCreated: string;
  flowWon: string;
  flowLost: string;
  flowReopened: string;
  flowOpenNow: string;
  flowMovedBack: string;
  flowSlipped: string;
  whatIfTitle: string;
  whatIfLabel: string;
  whatIfNone: string;
  /** `{stage}` converted 5 points better. */
  whatIfStage: string;
  whatIfLoseLargest: string;
  whatIfSlip: string;
  whatIfSlipNone: string;
  /** `{chance}` (now `{was}`); this quarter `{expected}`, `{low}` to `{high}`. */
  whatIfResult: string;
  whatIfResultNoGoal: string;
}

const en: ForecastStrings = {
  title: 'Forecast of the open deals',
  loading: 'Reading the pipeline…',
  noPipeline: 'Set pipeline to the id of a stored pipeline to see its forecast.',
  noDeals: 'This pipeline has no open deals to forecast yet.',
  loadFailed: 'The pipeline could not be read: {detail}',
  futureDated: FUTURE_DATED.en,
  thisQuarter: 'This quarter ({period})',
  nextQuarter: 'Next quarter ({period})',
  bandText: 'Expected {expected}; likely between {low} and {high}',
  quarterName: 'Q{quarter} {year}',
  underOne: 'under {amount}',
  noteRare:
    '{period}: most likely nothing is won ({chance} chance of any win); the expected {expected} is the average over every outcome.',
  noteRareMore:
    '{period}: most likely nothing more is won ({chance} chance of another win); the expected {expected} is the average over every outcome.',
  noteAbove:
    '{period}: the expected {expected} is above the high: a large deal with a small chance of closing then lifts the average.',
  noteBelow:
    '{period}: the expected {expected} is below the low: the deals are likely won, and the small chance of losing them lowers the average.',
  wonSoFar: 'Won so far: {amount}',
  chance: '{chance} chance of reaching {goal}',
  noGoal: 'Set a goal to see the chance of reaching it.',
  coverage: 'Open pipeline covers {coverage} of what the goal still needs.',
  goalLabel: 'Goal for each quarter ({currency})',
  goalSave: 'Save goal',
  goalSaved: 'Goal saved: {goal} each quarter.',
  goalCleared: 'Goal removed.',
  goalInvalid:
    'The goal must be an amount of money of 0 or more, such as 120000; "{value}" is not.',
  goalSaveFailed: 'The goal could not be saved: {detail}',
  goalField: 'Goal',
  goalCurrency:
    'The goal is in {currency}: "{value}" is written with {sign}. Write it without the sign, or with the sign of {currency}.',
  tableCaption: 'Won revenue by quarter (low and high: 10th and 90th percentiles)',
  colPeriod: 'Quarter',
  colWonSoFar: 'Won so far',
  colLow: 'Low',
  colExpected: 'Expected',
  colHigh: 'High',
  colChance: 'Chance of the goal',
  monthsTitle: 'Month by month',
  monthsCaption:
    'Won revenue from the open deals by month (low and high: 10th and 90th percentiles)',
  colMonth: 'Month',
  dealsTitle: 'The deals that matter most',
  topTitle: 'Largest expected value',
  riskTitle: 'Most at risk',
  noRisk: 'No open deal is stale or past its close date.',
  dealValue: '{amount} × {chance} = {expected}',
  staleLearned: '{days} here; {share} of deals leave {stage} within {limit}',
  staleFixed: '{days} here; more than {limit}',
  overdue: 'Close date {date} has passed',
  slips: 'Slips to next quarter',
  movementTitle: 'Since {period} began',
  movementCaption:
    'Open deals at the start of the quarter and now, and what changed in between (amounts as they are now)',
  colFlow: 'Change',
  colDeals: 'Deals',
  colAmount: 'Amount',
  flowOpenAtStart: 'Open at the start',
  flowCreated: '+ Created',
  flowWon: '− Won',
  flowLost: '− Lost',
  flowReopened: '+ Reopened',
  flowOpenNow: '= Open now',
  flowMovedBack: 'Moved back to an earlier stage',
  flowSlipped: 'Slipped: open since before, now expected after the quarter',
  whatIfTitle: 'What if…',
  whatIfLabel: 'Change',
  whatIfNone: 'Nothing changes',
  whatIfStage: '{stage} converted 5 points better',
  whatIfLoseLargest: 'We lose the largest deal',
  whatIfSlip: 'The deals ticked above slip to next quarter',
  whatIfSlipNone: 'Tick "Slips to next quarter" on the deals above first.',
  whatIfResult:
    'Then: {chance} chance (now {was}); this quarter expected {expected}, likely between {low} and {high}.',
  whatIfResultNoGoal: 'Then this quarter: expected {expected}, likely between {low} and {high}.',
};

const es: ForecastStrings = {
  title: 'Previsión de las oportunidades abiertas',
  loading: 'Leyendo el flujo de ventas…',
  noPipeline:
    'Indique en pipeline el identificador de un flujo de ventas guardado para ver su previsión.',
  noDeals: 'Este flujo de ventas aún no tiene oportunidades abiertas que prever.',
  loadFailed: 'No se pudo leer el flujo de ventas: {detail}',
  futureDated: FUTURE_DATED.es,
  thisQuarter: 'Este trimestre ({period})',
  nextQuarter: 'Próximo trimestre ({period})',
  bandText: 'Se esperan {expected}; probablemente entre {low} y {high}',
  quarterName: 'T{quarter} {year}',
  underOne: 'menos de {amount}',
  noteRare:
    '{period}: lo más probable es no ganar nada ({chance} de probabilidad de alguna venta); los {expected} esperados son la media de todos los resultados.',
  noteRareMore:
    '{period}: lo más probable es no ganar nada más ({chance} de probabilidad de otra venta); los {expected} esperados son la media de todos los resultados.',
  noteAbove:
    '{period}: los {expected} esperados superan el valor alto: una oportunidad grande con poca probabilidad de cerrarse entonces eleva la media.',
  noteBelow:
    '{period}: los {expected} esperados quedan por debajo del valor bajo: lo probable es ganar las oportunidades, y la pequeña probabilidad de perderlas baja la media.',
  wonSoFar: 'Ganado hasta ahora: {amount}',
  chance: '{chance} de probabilidad de alcanzar {goal}',
  noGoal: 'Fije un objetivo para ver la probabilidad de alcanzarlo.',
  coverage: 'Las oportunidades abiertas cubren {coverage} de lo que aún falta para el objetivo.',
  goalLabel: 'Objetivo de cada trimestre ({currency})',
  goalSave: 'Guardar objetivo',
  goalSaved: 'Objetivo guardado: {goal} cada trimestre.',
  goalCleared: 'Objetivo eliminado.',
  goalInvalid: 'El objetivo debe ser un importe de 0 o más, como 120000; «{value}» no lo es.',
  goalSaveFailed: 'No se pudo guardar el objetivo: {detail}',
  goalField: 'Objetivo',
  goalCurrency:
    'El objetivo está en {currency}: «{value}» está escrito con {sign}. Escríbalo sin el signo, o con el signo de {currency}.',
  tableCaption: 'Ingresos ganados por trimestre (bajo y alto: percentiles 10 y 90)',
  colPeriod: 'Trimestre',
  colWonSoFar: 'Ganado hasta ahora',
  colLow: 'Bajo',
  colExpected: 'Esperado',
  colHigh: 'Alto',
  colChance: 'Probabilidad del objetivo',
  monthsTitle: 'Mes a mes',
  monthsCaption:
    'Ingresos ganados de las oportunidades abiertas por mes (bajo y alto: percentiles 10 y 90)',
  colMonth: 'Mes',
  dealsTitle: 'Las oportunidades que más importan',
  topTitle: 'Mayor valor esperado',
  riskTitle: 'Más en riesgo',
  noRisk: 'Ninguna oportunidad abierta está estancada ni ha pasado su fecha de cierre.',
  dealValue: '{amount} × {chance} = {expected}',
  staleLearned: '{days} aquí; el {share} de las oportunidades sale de {stage} en {limit}',
  staleFixed: '{days} aquí; más de {limit}',
  overdue: 'La fecha de cierre {date} ya pasó',
  slips: 'Se retrasa al próximo trimestre',
  movementTitle: 'Desde que empezó el {period}',
  movementCaption:
    'Oportunidades abiertas al inicio del trimestre y ahora, y lo que cambió entre medias (importes actuales)',
  colFlow: 'Cambio',
  colDeals: 'Oportunidades',
  colAmount: 'Importe',
  flowOpenAtStart: 'Abiertas al inicio',
  flowCreated: '+ Creadas',
  flowWon: '− Ganadas',
  flowLost: '− Perdidas',
  flowReopened: '+ Reabiertas',
  flowOpenNow: '= Abiertas ahora',
  flowMovedBack: 'Devueltas a una etapa anterior',
  flowSlipped: 'Retrasadas: abiertas desde antes, ahora previstas después del trimestre',
  whatIfTitle: 'Qué pasaría si…',
  whatIfLabel: 'Cambio',
  whatIfNone: 'Nada cambia',
  whatIfStage: '{stage} convirtiera 5 puntos más',
  whatIfLoseLargest: 'Perdiéramos la oportunidad más grande',
  whatIfSlip: 'Las oportunidades marcadas arriba se retrasaran al próximo trimestre',
  whatIfSlipNone:
    'Marque primero «Se retrasa al próximo trimestre» en las oportunidades de arriba.',
  whatIfResult:
    'Entonces: {chance} de probabilidad (ahora {was}); este trimestre se esperan {expected}, probablemente entre {low} y {high}.',
  whatIfResultNoGoal:
    'Entonces este trimestre: se esperan {expected}, probablemente entre {low} y {high}.',
};

export const FORECAST_STRINGS: Record<Lang, ForecastStrings> = { en, es };

/** The strings for a language with the host's overrides on top. */
export function forecastStrings(lang: Lang, overrides?: Partial<ForecastStrings>): ForecastStrings {
  return overrides ? { ...FORECAST_STRINGS[lang], ...overrides } : FORECAST_STRINGS[lang];
}
