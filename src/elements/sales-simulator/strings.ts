import type { Lang } from '../../model/types.js';
import { FUTURE_DATED } from '../future-dated.js';
import { TRAINING_STRINGS, type TrainingStrings } from './training-strings.js';

/**
 * The UI text of `<sales-simulator>`, per built-in language. `{name}` placeholders are filled
 * by `t()` from `../i18n.js`. A host overrides any subset through the element's `strings`.
 */
export interface SimulatorStrings extends TrainingStrings {
  title: string;
  presetLabel: string;
  presetCustom: string;
  inputsTitle: string;
  leads: string;
  dealValue: string;
  costPerLead: string;
  spend: string;
  costsHint: string;
  margin: string;
  repeatRate: string;
  stagesTitle: string;
  stageName: string;
  stageRate: string;
  stageRateExact: string;
  rateValueText: string;
  /** Under the slider of a rate that comes from observed counts. */
  observedRate: string;
  observedNone: string;
  moveUp: string;
  moveDown: string;
  removeStage: string;
  addStage: string;
  newStage: string;
  resultsTitle: string;
  won: string;
  revenue: string;
  conversion: string;
  cac: string;
  ltvCac: string;
  ltv: string;
  vsBaseline: string;
  sameAsBaseline: string;
  baselineLabel: string;
  makeBaseline: string;
  backToBaseline: string;
  rankingTitle: string;
  deltaPoints: string;
  leadsPercent: string;
  costPerPoint: string;
  rankingTable: string;
  colLever: string;
  colChange: string;
  colWon: string;
  /** The tornado's "worse" side in the table: won deals lost by the opposite move. */
  colWorse: string;
  colRevenue: string;
  colReturn: string;
  leadsLever: string;
  topStage: string;
  topLeads: string;
  topReturn: string;
  noGain: string;
  tornadoLabel: string;
  tornadoLess: string;
  tornadoMore: string;
  targetTitle: string;
  targetKind: string;
  targetWon: string;
  targetRevenue: string;
  targetValue: string;
  leadsExpected: string;
  leadsConfident: string;
  targetUnreachable: string;
  targetStage: string;
  rateNeeded: string;
  rateMet: string;
  rateImpossible: string;
  bandTitle: string;
  bandWon: string;
  bandRevenue: string;
  bandComputing: string;
  bandNote: string;
  /** The expected won deals lie above the p10–p90 range (few deals: a long tail of good periods). */
  bandAbove: string;
  /** …or below it (rates near 100 %: a tail of bad periods). */
  bandBelow: string;
  /** `{range}` of those two: "0 to 1", or one number when p10 and p90 are the same. */
  bandRange: string;
  bandFailed: string;
  diagnosisTitle: string;
  benchmarkLabel: string;
  scenariosTitle: string;
  scenarioName: string;
  save: string;
  savedAs: string;
  open: string;
  rename: string;
  renameLabel: string;
  confirmRename: string;
  cancel: string;
  remove: string;
  deleted: string;
  /** With `pipeline`: makes a saved scenario that pipeline's plan (`<sales-funnel pipeline>` shows it). */
  setPlan: string;
  /** Beside the saved scenario that is the plan of pipeline `{pipeline}` (its name). */
  isPlan: string;
  /** `{name}` the scenario, `{pipeline}` the pipeline's name. */
  planSet: string;
  noneSaved: string;
  storageFailed: string;
  compareTitle: string;
  compareFirst: string;
  compareSecond: string;
  currentScenario: string;
  colMetric: string;
  exportJson: string;
  importJson: string;
  imported: string;
  shareLink: string;
  shareLabel: string;
  copied: string;
  copyByHand: string;
  linkLoaded: string;
  linkRejected: string;
  importRejected: string;
  attributeRejected: string;
  badNumber: string;
  badWhole: string;
  /** Above the results while {count} field(s) cannot be read. */
  notUpdated: string;
  badName: string;
  presentingHelp: string;
  nextStage: string;
  previousStage: string;
  showAll: string;
  selectedStage: string;
  revealStatus: string;
  calibrating: string;
  calibratedFrom: string;
  /** After `calibratedFrom`: `{count}` deals dated after now (a clock that was ahead), counted as of now. */
  futureDated: string;
  recalibrate: string;
  pipelineChanged: string;
  pipelineEmpty: string;
  pipelineMissing: string;
  pipelineFailed: string;
  undo: string;
  undoLabel: string;
  undoReplaceLabel: string;
  replaced: string;
  liveSummary: string;
  restored: string;
  fileTooLarge: string;
  fileNotJson: string;
  fileUnreadable: string;
}

export const SIMULATOR_STRINGS: Record<Lang, SimulatorStrings> = {
  en: {
    ...TRAINING_STRINGS.en,
    title: 'What-if simulator',
    presetLabel: 'Start from',
    presetCustom: 'Current scenario',
    inputsTitle: 'Inputs',
    leads: 'Leads per period',
    dealValue: 'Average deal value',
    costPerLead: 'Cost per lead',
    spend: 'Or total spend',
    costsHint: 'Optional: give one of the two to see CAC and LTV:CAC.',
    margin: 'Gross margin (%)',
    repeatRate: 'Repeat-purchase rate (%)',
    stagesTitle: 'Stages and conversion rates',
    stageName: 'Name of stage {n}',
    stageRate: '{stage}: rate',
    stageRateExact: '{stage}: rate, exact %',
    rateValueText: '{rate}: {advancing} of {entering} go on',
    observedRate: 'Observed: {won} of {of} decided deals went on ({rate})',
    observedNone: 'Observed: no decided deals yet',
    moveUp: 'Move {stage} up',
    moveDown: 'Move {stage} down',
    removeStage: 'Remove {stage}',
    addStage: 'Add a stage',
    newStage: 'New stage',
    resultsTitle: 'Projection',
    won: 'Won deals',
    revenue: 'Revenue',
    conversion: 'Overall conversion',
    cac: 'CAC',
    ltv: 'LTV',
    ltvCac: 'LTV:CAC',
    vsBaseline: '{delta} vs. baseline',
    sameAsBaseline: 'as baseline',
    baselineLabel: 'baseline',
    makeBaseline: 'Make this the baseline',
    backToBaseline: 'Back to baseline',
    rankingTitle: 'Where an improvement pays off',
    deltaPoints: 'Improvement per stage (points)',
    leadsPercent: 'More leads (%)',
    costPerPoint: 'Cost of one point (optional)',
    rankingTable: 'Levers, best first',
    colLever: 'Lever',
    colChange: 'Change',
    colWon: 'Extra won',
    colWorse: 'If worse',
    colRevenue: 'Extra revenue',
    colReturn: 'Return',
    leadsLever: 'Leads',
    topStage:
      'Improve {stage} first: from {from} to {to} it brings {won} more won deals ({revenue}) per period.',
    topLeads:
      'Get more leads first: {pct} more leads bring {won} more won deals ({revenue}) per period.',
    topReturn: 'Best return: {lever}, {ratio} in revenue for each unit spent.',
    noGain: 'No change in these ranges adds won deals.',
    tornadoLabel:
      'Change in won deals from −{points} and +{points} at each stage, and ±{pct} leads',
    tornadoLess: 'worse',
    tornadoMore: 'better',
    targetTitle: 'Target',
    targetKind: 'Target in',
    targetWon: 'won deals',
    targetRevenue: 'revenue',
    targetValue: 'Target per period',
    leadsExpected: 'Leads needed on average: {n}',
    leadsConfident: 'Leads for a {confidence} chance of reaching it: {n}',
    targetUnreachable: 'No number of leads reaches this target with the current rates.',
    targetStage: 'Or improve one stage',
    rateNeeded: '{stage} would need a rate of {rate} (now {now}).',
    rateMet: '{stage} already reaches it: the target holds down to a rate of {rate} (now {now}).',
    rateImpossible: '{stage} alone cannot reach it, even at 100 %.',
    bandTitle: 'Uncertainty',
    bandWon: 'Won deals: between {p10} and {p90} in 8 periods out of 10',
    bandRevenue: 'Revenue: between {p10} and {p90}',
    bandComputing: 'Simulating {trials} periods…',
    bandNote: 'p10–p90 of {trials} simulated periods; the line marks the expected value.',
    bandAbove:
      'The average, {mean} won deals, lies above this range: with so few deals most periods win {range}, and the rare period that wins more pulls the average up.',
    bandBelow:
      'The average, {mean} won deals, lies below this range: most periods win {range}, and the rare period that wins fewer pulls the average down.',
    bandRange: '{p10} to {p90}',
    bandFailed: 'The simulation could not be run: {detail}',
    diagnosisTitle: 'Diagnosis',
    benchmarkLabel: 'Compared with',
    scenariosTitle: 'Scenarios',
    scenarioName: 'Name for this scenario',
    save: 'Save',
    savedAs: 'Saved “{name}”.',
    open: 'Open',
    rename: 'Rename',
    renameLabel: 'New name for “{name}”',
    confirmRename: 'OK',
    cancel: 'Cancel',
    remove: 'Delete',
    deleted: 'Deleted “{name}”.',
    setPlan: 'Set as plan',
    isPlan: 'Plan of pipeline “{pipeline}”',
    planSet: '“{name}” is now the plan of pipeline “{pipeline}”.',
    noneSaved: 'No saved scenarios yet.',
    storageFailed: 'Could not store it: {detail}',
    compareTitle: 'Compare two scenarios',
    compareFirst: 'First',
    compareSecond: 'Second',
    currentScenario: 'Current (unsaved)',
    colMetric: 'Metric',
    exportJson: 'Export JSON',
    importJson: 'Import JSON',
    imported: 'Imported “{name}”.',
    shareLink: 'Share as link',
    shareLabel: 'Link to this scenario',
    copied: 'Link copied to the clipboard.',
    copyByHand: 'Copy the link below.',
    linkLoaded: 'Scenario loaded from the link.',
    linkRejected: 'The link holds no usable scenario, so it was ignored: {detail}',
    importRejected: 'The file “{file}” could not be used: {detail}',
    attributeRejected: 'The scenario could not be used: {detail}',
    badNumber: '{field}: enter a number from {min} to {max}.',
    badWhole: '{field}: enter a whole number from {min} to {max}.',
    notUpdated:
      'Not updated: {count} field(s) cannot be read. These results are from the last values that could.',
    badName: '{field}: enter a name of 1 to {max} characters.',
    presentingHelp:
      'Keys: Page Down or → shows the next stage, then the answer, then the next step; Page Up or ← goes back; [ and ] choose the stage, + and − change its rate; B blanks the screen, F is full screen.',
    nextStage: 'Show next stage',
    previousStage: 'Hide last stage',
    showAll: 'Show all',
    selectedStage: 'Selected: {stage} at {rate}',
    revealStatus: 'Showing {n} of {total} stages',
    calibrating: 'Reading pipeline “{name}”…',
    calibratedFrom: 'Calibrated from pipeline “{name}”: {deals} deals since {since}.',
    futureDated: FUTURE_DATED.en,
    recalibrate: 'Recalibrate',
    pipelineChanged:
      'Pipeline “{name}” changed since this calibration. Recalibrate to use its latest history (your edits will be replaced).',
    pipelineEmpty:
      'Pipeline “{name}” has no closed deals yet, so there are no rates to observe: starting from “{fallback}”.',
    pipelineMissing: 'There is no pipeline “{name}” in this browser: starting from “{fallback}”.',
    pipelineFailed: 'Pipeline “{name}” could not be read ({detail}): starting from “{fallback}”.',
    undo: 'Undo',
    undoLabel: 'Undo deleting “{name}”',
    undoReplaceLabel: 'Undo replacing “{name}”: bring back its earlier version',
    replaced: 'Replaced the saved “{name}” with this scenario.',
    liveSummary: '{label} {value}, {delta}',
    restored: 'Restored “{name}”.',
    fileTooLarge: '“{file}” is {size}; scenario files of up to {max} are accepted.',
    fileNotJson: '“{file}” is not a JSON file: it looks like a web page (HTML or XML).',
    fileUnreadable: '“{file}” could not be read: {detail}',
  },
  es: {
    ...TRAINING_STRINGS.es,
    title: 'Simulador de escenarios',
    presetLabel: 'Partir de',
    presetCustom: 'Escenario actual',
    inputsTitle: 'Datos',
    leads: 'Leads por periodo',
    dealValue: 'Importe medio por venta',
    costPerLead: 'Coste por lead',
    spend: 'O gasto total',
    costsHint: 'Opcional: indique uno de los dos para ver el CAC y LTV:CAC.',
    margin: 'Margen bruto (%)',
    repeatRate: 'Tasa de recompra (%)',
    stagesTitle: 'Etapas y tasas de conversión',
    stageName: 'Nombre de la etapa {n}',
    stageRate: '{stage}: tasa',
    stageRateExact: '{stage}: tasa exacta en %',
    rateValueText: '{rate}: siguen {advancing} de {entering}',
    observedRate: 'Observado: {won} de {of} oportunidades decididas avanzaron ({rate})',
    observedNone: 'Observado: aún no hay oportunidades decididas',
    moveUp: 'Subir {stage}',
    moveDown: 'Bajar {stage}',
    removeStage: 'Quitar {stage}',
    addStage: 'Añadir una etapa',
    newStage: 'Nueva etapa',
    resultsTitle: 'Proyección',
    won: 'Ventas ganadas',
    revenue: 'Ingresos',
    conversion: 'Conversión total',
    cac: 'CAC',
    ltv: 'LTV',
    ltvCac: 'LTV:CAC',
    vsBaseline: '{delta} frente a la base',
    sameAsBaseline: 'igual que la base',
    baselineLabel: 'base',
    makeBaseline: 'Usar como base',
    backToBaseline: 'Volver a la base',
    rankingTitle: 'Dónde rinde más mejorar',
    deltaPoints: 'Mejora por etapa (puntos)',
    leadsPercent: 'Más leads (%)',
    costPerPoint: 'Coste de un punto (opcional)',
    rankingTable: 'Palancas, de mejor a peor',
    colLever: 'Palanca',
    colChange: 'Cambio',
    colWon: 'Ventas ganadas extra',
    colWorse: 'Si empeora',
    colRevenue: 'Ingresos extra',
    colReturn: 'Retorno',
    leadsLever: 'Leads',
    topStage:
      'Mejore primero {stage}: de {from} a {to} aporta {won} ventas ganadas más ({revenue}) por periodo.',
    topLeads:
      'Consiga primero más leads: un {pct} más aporta {won} ventas ganadas más ({revenue}) por periodo.',
    topReturn: 'Mejor retorno: {lever}, {ratio} de ingresos por cada unidad invertida.',
    noGain: 'Ningún cambio en estos márgenes añade ventas ganadas.',
    tornadoLabel:
      'Cambio en ventas ganadas con −{points} y +{points} en cada etapa, y ±{pct} de leads',
    tornadoLess: 'peor',
    tornadoMore: 'mejor',
    targetTitle: 'Objetivo',
    targetKind: 'Objetivo en',
    targetWon: 'ventas ganadas',
    targetRevenue: 'ingresos',
    targetValue: 'Objetivo por periodo',
    leadsExpected: 'Leads necesarios de media: {n}',
    leadsConfident: 'Leads para un {confidence} de probabilidad de lograrlo: {n}',
    targetUnreachable: 'Con las tasas actuales ningún número de leads alcanza este objetivo.',
    targetStage: 'O mejorar una etapa',
    rateNeeded: '{stage} necesitaría una tasa del {rate} (ahora {now}).',
    rateMet:
      '{stage} ya lo alcanza: el objetivo se cumple hasta con una tasa del {rate} (ahora {now}).',
    rateImpossible: '{stage} no basta por sí sola, ni siquiera al 100 %.',
    bandTitle: 'Incertidumbre',
    bandWon: 'Ventas ganadas: entre {p10} y {p90} en 8 de cada 10 periodos',
    bandRevenue: 'Ingresos: entre {p10} y {p90}',
    bandComputing: 'Simulando {trials} periodos…',
    bandNote: 'p10–p90 de {trials} periodos simulados; la línea marca el valor esperado.',
    bandAbove:
      'La media, {mean} ventas ganadas, queda por encima de este rango: con tan pocas ventas la mayoría de los periodos ganan {range}, y algún periodo poco frecuente con más ventas sube la media.',
    bandBelow:
      'La media, {mean} ventas ganadas, queda por debajo de este rango: la mayoría de los periodos ganan {range}, y algún periodo poco frecuente con menos ventas baja la media.',
    bandRange: 'de {p10} a {p90}',
    bandFailed: 'No se pudo ejecutar la simulación: {detail}',
    diagnosisTitle: 'Diagnóstico',
    benchmarkLabel: 'Frente a',
    scenariosTitle: 'Escenarios',
    scenarioName: 'Nombre del escenario',
    save: 'Guardar',
    savedAs: 'Guardado «{name}».',
    open: 'Abrir',
    rename: 'Renombrar',
    renameLabel: 'Nuevo nombre para «{name}»',
    confirmRename: 'Aceptar',
    cancel: 'Cancelar',
    remove: 'Borrar',
    deleted: 'Borrado «{name}».',
    setPlan: 'Fijar como plan',
    isPlan: 'Plan del flujo de ventas «{pipeline}»',
    planSet: '«{name}» es ahora el plan del flujo de ventas «{pipeline}».',
    noneSaved: 'Aún no hay escenarios guardados.',
    storageFailed: 'No se pudo guardar: {detail}',
    compareTitle: 'Comparar dos escenarios',
    compareFirst: 'Primero',
    compareSecond: 'Segundo',
    currentScenario: 'Actual (sin guardar)',
    colMetric: 'Indicador',
    exportJson: 'Exportar JSON',
    importJson: 'Importar JSON',
    imported: 'Importado «{name}».',
    shareLink: 'Compartir enlace',
    shareLabel: 'Enlace a este escenario',
    copied: 'Enlace copiado al portapapeles.',
    copyByHand: 'Copie el enlace de abajo.',
    linkLoaded: 'Escenario cargado desde el enlace.',
    linkRejected: 'El enlace no contiene un escenario válido y se ha ignorado: {detail}',
    importRejected: 'No se pudo usar el archivo «{file}»: {detail}',
    attributeRejected: 'No se pudo usar el escenario: {detail}',
    badNumber: '{field}: escriba un número entre {min} y {max}.',
    badWhole: '{field}: escriba un número entero entre {min} y {max}.',
    notUpdated:
      'Sin actualizar: no se puede leer {count} campo(s). Estos resultados son los de los últimos valores válidos.',
    badName: '{field}: escriba un nombre de 1 a {max} caracteres.',
    presentingHelp:
      'Teclas: Av Pág o → muestra la etapa siguiente, luego la respuesta, luego el paso siguiente; Re Pág o ← vuelve atrás; [ y ] eligen la etapa, + y − cambian su tasa; B oscurece la pantalla, F es pantalla completa.',
    nextStage: 'Mostrar la siguiente etapa',
    previousStage: 'Ocultar la última etapa',
    showAll: 'Mostrar todas',
    selectedStage: 'Elegida: {stage} al {rate}',
    revealStatus: 'Se ven {n} de {total} etapas',
    calibrating: 'Leyendo el flujo de ventas «{name}»…',
    calibratedFrom:
      'Calibrado con el flujo de ventas «{name}»: {deals} oportunidades desde el {since}.',
    futureDated: FUTURE_DATED.es,
    recalibrate: 'Recalibrar',
    pipelineChanged:
      'El flujo de ventas «{name}» ha cambiado desde esta calibración. Recalibre para usar su historial más reciente (sus cambios se sustituirán).',
    pipelineEmpty:
      'El flujo de ventas «{name}» aún no tiene oportunidades ganadas ni perdidas, así que no hay tasas que observar: se parte de «{fallback}».',
    pipelineMissing:
      'No hay ningún flujo de ventas «{name}» en este navegador: se parte de «{fallback}».',
    pipelineFailed:
      'No se pudo leer el flujo de ventas «{name}» ({detail}): se parte de «{fallback}».',
    undo: 'Deshacer',
    undoLabel: 'Deshacer el borrado de «{name}»',
    undoReplaceLabel: 'Deshacer la sustitución de «{name}»: recuperar su versión anterior',
    replaced: 'Se ha sustituido el escenario guardado «{name}» por este.',
    liveSummary: '{label} {value}, {delta}',
    restored: 'Recuperado «{name}».',
    fileTooLarge: '«{file}» ocupa {size}; se aceptan archivos de escenario de hasta {max}.',
    fileNotJson: '«{file}» no es un archivo JSON: parece una página web (HTML o XML).',
    fileUnreadable: 'No se pudo leer «{file}»: {detail}',
  },
};

/** The strings for a language with the host's overrides on top. */
export function simulatorStrings(
  lang: Lang,
  overrides?: Partial<SimulatorStrings>,
): SimulatorStrings {
  return overrides ? { ...SIMULATOR_STRINGS[lang], ...overrides } : SIMULATOR_STRINGS[lang];
}
