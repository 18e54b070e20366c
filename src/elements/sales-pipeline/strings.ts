import type { Lang } from '../../model/types.js';
import { STORAGE_FAILURE } from '../controllers/storage-failure.js';
import type { ImportStrings } from './import-strings.js';

/**
 * The UI text of `<sales-pipeline>`, per built-in language. `{name}` placeholders are filled by
 * `t()` from `../i18n.js`. A host overrides any subset through the element's `strings` property.
 */
export interface PipelineStrings extends ImportStrings {
  boardLabel: string;
  loading: string;
  toolbarLabel: string;
  search: string;
  searchPlaceholder: string;
  owner: string;
  anyOwner: string;
  staleOnly: string;
  addDeal: string;
  editStages: string;
  importFile: string;
  exportCsv: string;
  exportJson: string;
  loadSample: string;
  undo: string;
  undoMove: string;
  undoDelete: string;
  nothingToUndo: string;
  deals: string;
  /** A column holding exactly one deal. */
  oneDeal: string;
  total: string;
  weighted: string;
  won: string;
  lost: string;
  emptyColumn: string;
  noMatches: string;
  daysInStage: string;
  /** The days on a stale card, short so the stale mark fits beside a close date. */
  daysShort: string;
  stale: string;
  /**
   * Why a card is stale, against its stage's learned threshold: one line under the days
   * ("40 d · stale"), short enough for a 17rem column (the column's heading names the stage).
   */
  staleLearned: string;
  /** Why a card is stale, against `stale-days` (or 30 days where nothing is learned). */
  staleFixed: string;
  closes: string;
  lostBecause: string;
  instructions: string;
  pickedUp: string;
  over: string;
  overAt: string;
  position: string;
  reordered: string;
  cancelled: string;
  vetoed: string;
  movedTo: string;
  markedWon: string;
  markedLost: string;
  reopenedIn: string;
  deleted: string;
  restored: string;
  undone: string;
  dealDialogNew: string;
  dealDialogEdit: string;
  fieldTitle: string;
  fieldCompany: string;
  fieldContact: string;
  fieldAmount: string;
  fieldCurrency: string;
  fieldOwner: string;
  fieldClose: string;
  fieldStage: string;
  fieldNotes: string;
  required: string;
  save: string;
  cancel: string;
  close: string;
  deleteDeal: string;
  fixErrors: string;
  changedElsewhere: string;
  lostDialogTitle: string;
  lostReason: string;
  lostReasons: string;
  markLost: string;
  /** A card's "Move to…" button, its name (with the deal), and its dialog. */
  moveButton: string;
  moveButtonLabel: string;
  moveDialogTitle: string;
  moveToStage: string;
  moveHere: string;
  moveUp: string;
  moveDown: string;
  wonOn: string;
  markWon: string;
  errFutureDate: string;
  errDateBefore: string;
  /** What a card says it is, and the short hint read with it (the board holds the full one). */
  cardRole: string;
  cardHint: string;
  stagesDialogTitle: string;
  stageName: string;
  /** The label of a stage's win chance field; `{name}` is the stage. */
  stageChance: string;
  /** The field's name in its messages. */
  stageChanceField: string;
  moveLeft: string;
  moveRight: string;
  removeStage: string;
  removeStageTo: string;
  removeConfirm: string;
  addStage: string;
  newStageName: string;
  lastStage: string;
  importing: string;
  importPhase: string;
  imported: string;
  importFailed: string;
  importRowError: string;
  /** Reading|Checking|Saving, for the import phases. */
  importPhases: string;
  moreErrors: string;
  errRequired: string;
  errTooLong: string;
  errNumber: string;
  errNegative: string;
  /** An amount over the largest the board keeps ({max}). */
  errAmountMax: string;
  /** A date outside the years 1970–9999. */
  errDateRange: string;
  /** The amount was typed with a sign or code of another currency than the Currency field's. */
  errAmountCurrency: string;
  errCurrency: string;
  errDate: string;
  importReplace: string;
  importReplaceConfirm: string;
  sampleConfirm: string;
  sampleLoaded: string;
  sampleKept: string;
  confirm: string;
  memoryOnly: string;
  quota: string;
  reloadNeeded: string;
  reload: string;
  blocked: string;
  reopened: string;
  /** Opening the saved data failed: a newer version wrote it; reload to get that version. */
  storageNewer: string;
  /** Opening failed with the browser's internal error (its storage is damaged or locked). */
  storageCorrupt: string;
  /** The browser gave no answer at all while opening the saved data (`OPEN_TIMEOUT_MS`). */
  storageTimedOut: string;
  /** The database was deleted under the board (site data cleared). */
  dataCleared: string;
  retry: string;
  /** Plain causes, as `{detail}` of `failed` and `noPipeline`. */
  reasonStorage: string;
  reasonClosed: string;
  reasonGone: string;
  /** Undo refused: the deal `{title}` changed elsewhere and is now in `{column}`. */
  undoConflict: string;
  /** Undo of a delete refused: the deal `{title}` is back already (restored elsewhere). */
  undoRestored: string;
  /** A move or a new deal named a stage (`{stage}`) removed in another tab. */
  stageGone: string;
  /** A stage added elsewhere that this board has not read yet, where a name is due. */
  stageUnknown: string;
  /** The deal dialog's deal (`{title}`) was deleted elsewhere while it was open. */
  dealDeletedElsewhere: string;
  saveAsNew: string;
  /** The toolbar's team sync status (`sync`). */
  syncOnline: string;
  syncOffline: string;
  syncSyncing: string;
  syncUnsaved: string;
  syncRefused: string;
  /** Who else views the board (`sync`): the group's name, a guest's name (`{n}`). */
  presenceLabel: string;
  guest: string;
  /** On a card someone else is moving: `{name}` is. */
  movingBy: string;
  /** Said once when `{name}` starts viewing the board. */
  presenceJoined: string;
  /** The trash of a synced board: its button, heading, columns, restore and empty states. */
  trash: string;
  trashHeading: string;
  trashIntro: string;
  trashEmpty: string;
  trashDeal: string;
  trashStage: string;
  trashDeleted: string;
  restore: string;
  restoreLabel: string;
  trashRestored: string;
  closeTrash: string;
  /** The trash could not be read: `{detail}` says why in plain words (as `failed`'s). */
  trashFailed: string;
  /** This person's move of `{title}` lost to someone else's, to `{column}`. */
  moveLost: string;
  conflict: string;
  conflictGone: string;
  closedStore: string;
  failed: string;
  dismiss: string;
  newPipelineName: string;
  noPipeline: string;
  /** `currency` that is no ISO 4217 code; `{value}` is what was written. */
  badCurrency: string;
}

const en: FirstStrings = {
  importNotUtf8:
    'This file is not UTF-8; it looks like {encoding}. Its first line with accents reads: “{sample}”. Import it as {encoding}?',
  importResult: '{name}: {added} added, {updated} updated, {unchanged} unchanged.',
  importNeedsAnswer: 'Answer the questions above first.',
  importNoTitle: 'Choose the column that holds the deal’s title.',
  boardLabel: 'Pipeline board',
  loading: 'Loading the pipeline…',
  toolbarLabel: 'Board actions',
  search: 'Search',
  searchPlaceholder: 'Title, company, contact…',
  owner: 'Owner',
  anyOwner: 'Anyone',
  staleOnly: 'Stale only',
  addDeal: 'Add deal',
  editStages: 'Edit stages',
  importFile: 'Import CSV or JSON',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  loadSample: 'Load sample pipeline',
  undo: 'Undo',
  undoMove: 'Undo moving “{title}”',
  undoDelete: 'Undo deleting “{title}”',
  nothingToUndo: 'Nothing to undo.',
  deals: '{count} deals',
  oneDeal: '1 deal',
  total: 'Total',
  weighted: 'Weighted',
  won: 'Won',
  lost: 'Lost',
  emptyColumn: 'No deals',
  noMatches: 'No deals match',
  daysInStage: '{days} d in stage',
  daysShort: '{days} d',
  stale: 'stale',
  staleLearned: '{share} leave this stage within {limit} d',
  staleFixed: 'stale after {limit} d',
  closes: 'Closes {date}',
  lostBecause: 'Lost: {reason}',
  instructions:
    'Arrow keys move between deals. Space or Enter picks a deal up; then Up and Down choose its place in the column, Left and Right the column, Space or Enter drops it, Escape cancels. M (or a card’s Move… button) moves it to a stage, Won or Lost without dragging. E edits, Delete deletes, Ctrl+Z undoes.',
  pickedUp:
    'Picked up {title} in {column}, position {position} of {count}. Up and Down choose the place, Left and Right the column, Space drops, Escape cancels.',
  over: '{title}: over {column}, column {index} of {count}.',
  overAt: '{title}: over {column}, column {index} of {count}, position {position} of {size}.',
  position: '{title}: position {position} of {count} in {column}.',
  reordered: '{title} moved to position {position} of {count} in {column}.',
  cancelled: 'Move of {title} cancelled.',
  vetoed: 'The page did not allow moving {title}.',
  movedTo: '{title} moved to {column}.',
  markedWon: '{title} marked as won.',
  markedLost: '{title} marked as lost: {reason}.',
  reopenedIn: '{title} reopened in {column}.',
  deleted: '{title} deleted. Ctrl+Z or Undo brings it back.',
  restored: '{title} restored.',
  undone: 'Undone.',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  deleteDeal: 'Delete deal',
  changedElsewhere:
    'This deal was changed in another tab or window. The values there now: {summary}. Save replaces them with yours; Save as a new deal keeps both.',
  lostReason: 'Why was it lost?',
  moveButton: 'Move…',
  moveButtonLabel: 'Move… {title}',
  wonOn: 'Won on',
  errFutureDate: '{field} cannot be after today.',
  errDateBefore: '{field} cannot be before {date}, the day it entered its stage.',
  cardRole: 'movable deal',
  cardHint: 'Space picks it up, M opens Move to…, E edits.',
  stageName: 'Name of stage {index}',
  stageChanceField: 'Chance to win',
  removeStage: 'Remove {name}…',
  addStage: 'Add stage',
  newStageName: 'New stage name',
  importing: 'Importing {name}…',
  importPhase: '{phase}: {done} of {total}',
  imported: 'Imported {count} deals from {name}.',
  importFailed: 'Nothing was imported from {name}: {count} problem(s).',
  importRowError: 'Row {row}',
  importPhases: 'Reading|Checking|Saving',
  moreErrors: '…and {count} more.',
  errRequired: '{field} is required.',
  errDate: '{field} must be a real date.',
  importReplace: 'Replace this pipeline?',
  importReplaceConfirm:
    '{name} holds a whole pipeline ({count} deals). Importing it replaces the stages, deals and history of this board.',
  sampleConfirm:
    'Add {count} sample deals with two quarters of history to this board? Your own deals stay, and so do sample deals you changed; the rest of an earlier sample is replaced.',
  sampleLoaded: 'Sample pipeline loaded: {count} deals.',
  sampleKept: 'Sample deals you had changed, kept as you left them: {kept}.',
  confirm: 'Continue',
  memoryOnly:
    'Not saved: IndexedDB is unavailable in this browser, so changes last only until this page is closed.',
  quota: 'The browser has no storage space left: the change was not saved and nothing was changed.',
  reloadNeeded:
    'A newer version of this app was opened in another tab. Reload this page to go on; changes made here can no longer be saved.',
  reload: 'Reload',
  blocked: 'Waiting for another tab with an older version of this app to close…',
  reopened: 'The connection to the saved data was lost and has been reopened.',
  storageNewer: STORAGE_FAILURE.en.storageNewer,
  storageCorrupt: STORAGE_FAILURE.en.storageCorrupt,
  storageTimedOut: STORAGE_FAILURE.en.storageTimedOut,
  dataCleared:
    'The saved data of this site was deleted (its site data was cleared in the browser). Changes made here can no longer be saved: reload the page to start again.',
  retry: 'Try again',
  reasonStorage: STORAGE_FAILURE.en.storageReason,
  reasonClosed: 'the connection to the saved data is closed. Reload the page.',
  reasonGone: 'it is no longer in the saved data.',
  undoConflict:
    '“{title}” was changed in another tab or window and is now in {column}: it stays there, and nothing was undone.',
  undoRestored:
    '“{title}” is back already (it was restored in another tab or window): nothing was undone.',
  stageGone:
    'The stage “{stage}” was removed in another tab or window, so nothing was changed. The board now shows the stages as they are.',
  stageUnknown: 'a stage added in another tab or window',
  conflict:
    '“{title}” was changed in another tab or window, so your change was not applied. The board now shows its latest version.',
  conflictGone: '“{title}” was deleted in another tab or window.',
  failed: 'The change could not be saved: {detail}',
  dismiss: 'Dismiss',
  newPipelineName: 'Sales pipeline',
  noPipeline: 'The pipeline could not be opened: {detail}',
  badCurrency:
    'currency must be a three-letter ISO 4217 code such as EUR or USD, not “{value}”; EUR is used.',
};

const es: FirstStrings = {
  importNotUtf8:
    'Este archivo no es UTF-8; parece {encoding}. Su primera línea con acentos dice: «{sample}». ¿Importarlo como {encoding}?',
  importResult: '{name}: {added} añadidas, {updated} actualizadas, {unchanged} sin cambios.',
  importNeedsAnswer: 'Responda primero a las preguntas de arriba.',
  importNoTitle: 'Elija la columna que contiene el título de la oportunidad.',
  boardLabel: 'Tablero del flujo de ventas',
  loading: 'Cargando el flujo de ventas…',
  toolbarLabel: 'Acciones del tablero',
  search: 'Buscar',
  searchPlaceholder: 'Título, empresa, contacto…',
  owner: 'Responsable',
  anyOwner: 'Cualquiera',
  staleOnly: 'Solo estancadas',
  addDeal: 'Nueva oportunidad',
  editStages: 'Editar etapas',
  importFile: 'Importar CSV o JSON',
  exportCsv: 'Exportar CSV',
  exportJson: 'Exportar JSON',
  loadSample: 'Cargar flujo de ventas de ejemplo',
  undo: 'Deshacer',
  undoMove: 'Deshacer el movimiento de «{title}»',
  undoDelete: 'Deshacer el borrado de «{title}»',
  nothingToUndo: 'No hay nada que deshacer.',
  deals: '{count} oportunidades',
  oneDeal: '1 oportunidad',
  total: 'Total',
  weighted: 'Ponderado',
  won: 'Ganadas',
  lost: 'Perdidas',
  emptyColumn: 'Sin oportunidades',
  noMatches: 'Ninguna coincide',
  daysInStage: '{days} d en la etapa',
  daysShort: '{days} d',
  stale: 'estancada',
  staleLearned: 'el {share} sale de esta etapa en {limit} d',
  staleFixed: 'estancada pasados {limit} d',
  closes: 'Cierre {date}',
  lostBecause: 'Perdida: {reason}',
  instructions:
    'Las flechas recorren las oportunidades. Espacio o Intro levanta una; después Arriba y Abajo eligen su lugar en la columna, Izquierda y Derecha la columna, Espacio o Intro la suelta y Escape cancela. M (o el botón Mover… de cada tarjeta) la lleva a una etapa, a Ganadas o a Perdidas sin arrastrar. E edita, Suprimir borra, Ctrl+Z deshace.',
  pickedUp:
    '{title} levantada en {column}, posición {position} de {count}. Arriba y Abajo eligen el lugar, Izquierda y Derecha la columna, Espacio la suelta, Escape cancela.',
  over: '{title}: sobre {column}, columna {index} de {count}.',
  overAt: '{title}: sobre {column}, columna {index} de {count}, posición {position} de {size}.',
  position: '{title}: posición {position} de {count} en {column}.',
  reordered: '{title} movida a la posición {position} de {count} en {column}.',
  cancelled: 'Movimiento de {title} cancelado.',
  vetoed: 'La página no permitió mover {title}.',
  movedTo: '{title} movida a {column}.',
  markedWon: '{title} marcada como ganada.',
  markedLost: '{title} marcada como perdida: {reason}.',
  reopenedIn: '{title} reabierta en {column}.',
  deleted: '{title} borrada. Ctrl+Z o Deshacer la recupera.',
  restored: '{title} recuperada.',
  undone: 'Deshecho.',
  save: 'Guardar',
  cancel: 'Cancelar',
  close: 'Cerrar',
  deleteDeal: 'Borrar oportunidad',
  changedElsewhere:
    'Esta oportunidad se cambió en otra pestaña o ventana. Sus valores allí: {summary}. Guardar los sustituye por los suyos; Guardar como oportunidad nueva conserva las dos.',
  lostReason: '¿Por qué se perdió?',
  moveButton: 'Mover…',
  moveButtonLabel: 'Mover… {title}',
  wonOn: 'Ganada el',
  errFutureDate: '{field} no puede ser posterior a hoy.',
  errDateBefore: '{field} no puede ser anterior al {date}, el día en que entró en su etapa.',
  cardRole: 'oportunidad movible',
  cardHint: 'Espacio la levanta, M abre Mover…, E la edita.',
  stageName: 'Nombre de la etapa {index}',
  stageChanceField: 'Probabilidad de ganar',
  removeStage: 'Quitar {name}…',
  addStage: 'Añadir etapa',
  newStageName: 'Nombre de la nueva etapa',
  importing: 'Importando {name}…',
  importPhase: '{phase}: {done} de {total}',
  imported: 'Importadas {count} oportunidades de {name}.',
  importFailed: 'No se importó nada de {name}: {count} problema(s).',
  importRowError: 'Fila {row}',
  importPhases: 'Leyendo|Comprobando|Guardando',
  moreErrors: '…y {count} más.',
  errRequired: 'Falta el campo {field}.',
  errDate: '{field} debe ser una fecha válida.',
  importReplace: '¿Sustituir este flujo de ventas?',
  importReplaceConfirm:
    '{name} contiene un flujo de ventas completo ({count} oportunidades). Al importarlo se sustituyen las etapas, oportunidades e historial de este tablero.',
  sampleConfirm:
    '¿Añadir a este tablero {count} oportunidades de ejemplo con dos trimestres de historial? Sus propias oportunidades se conservan, y también las de ejemplo que usted haya modificado; el resto de un ejemplo anterior se sustituye.',
  sampleLoaded: 'Flujo de ventas de ejemplo cargado: {count} oportunidades.',
  sampleKept:
    'Oportunidades de ejemplo que usted había modificado, conservadas tal como las dejó: {kept}.',
  confirm: 'Continuar',
  memoryOnly:
    'Sin guardar: IndexedDB no está disponible en este navegador, así que los cambios solo duran hasta cerrar la página.',
  quota:
    'El navegador no tiene espacio de almacenamiento: el cambio no se guardó y no se modificó nada.',
  reloadNeeded:
    'Se abrió una versión más nueva de esta aplicación en otra pestaña. Recargue esta página para seguir; aquí ya no se pueden guardar cambios.',
  reload: 'Recargar',
  blocked: 'Esperando a que se cierre otra pestaña con una versión anterior de esta aplicación…',
  reopened: 'Se perdió la conexión con los datos guardados y se ha vuelto a abrir.',
  storageNewer: STORAGE_FAILURE.es.storageNewer,
  storageCorrupt: STORAGE_FAILURE.es.storageCorrupt,
  storageTimedOut: STORAGE_FAILURE.es.storageTimedOut,
  dataCleared:
    'Se borraron los datos guardados de este sitio (se borraron sus datos en el navegador). Aquí ya no se pueden guardar cambios: recargue la página para empezar de nuevo.',
  retry: 'Reintentar',
  reasonStorage: STORAGE_FAILURE.es.storageReason,
  reasonClosed: 'la conexión con los datos guardados está cerrada. Recargue la página.',
  reasonGone: 'ya no está en los datos guardados.',
  undoConflict:
    '«{title}» se cambió en otra pestaña o ventana y ahora está en {column}: se queda ahí y no se deshizo nada.',
  undoRestored:
    '«{title}» ya ha vuelto (se restauró en otra pestaña o ventana): no se deshizo nada.',
  stageGone:
    'La etapa «{stage}» se eliminó en otra pestaña o ventana, así que no se cambió nada. El tablero muestra ahora las etapas tal como están.',
  stageUnknown: 'una etapa añadida en otra pestaña o ventana',
  conflict:
    '«{title}» se cambió en otra pestaña o ventana, así que su cambio no se aplicó. El tablero muestra ahora su última versión.',
  conflictGone: '«{title}» se borró en otra pestaña o ventana.',
  failed: 'No se pudo guardar el cambio: {detail}',
  dismiss: 'Cerrar aviso',
  newPipelineName: 'Flujo de ventas',
  noPipeline: 'No se pudo abrir el flujo de ventas: {detail}',
  badCurrency:
    'currency debe ser un código ISO 4217 de tres letras, como EUR o USD; no «{value}». Se usa EUR.',
};

/**
 * The keys only the board's dialogs, its import step, a few refusals and a board with `sync`
 * read: they load with that code (`loadLaterStrings`), so the first screen does not fetch them.
 */
type LaterKey =
  | 'dealDialogNew'
  | 'dealDialogEdit'
  | 'fieldTitle'
  | 'fieldCompany'
  | 'fieldContact'
  | 'fieldAmount'
  | 'fieldCurrency'
  | 'fieldOwner'
  | 'fieldClose'
  | 'fieldStage'
  | 'fieldNotes'
  | 'required'
  | 'fixErrors'
  | 'lostDialogTitle'
  | 'lostReasons'
  | 'markLost'
  | 'moveDialogTitle'
  | 'moveToStage'
  | 'moveHere'
  | 'moveUp'
  | 'moveDown'
  | 'markWon'
  | 'stagesDialogTitle'
  | 'stageChance'
  | 'moveLeft'
  | 'moveRight'
  | 'removeStageTo'
  | 'removeConfirm'
  | 'lastStage'
  | 'errTooLong'
  | 'errNumber'
  | 'errNegative'
  | 'errAmountMax'
  | 'errDateRange'
  | 'errAmountCurrency'
  | 'errCurrency'
  | 'dealDeletedElsewhere'
  | 'saveAsNew'
  | 'closedStore'
  | 'importStepTitle'
  | 'importRecognised'
  | 'importRows'
  | 'importReading'
  | 'importAsEncoding'
  | 'importColumns'
  | 'importColumnHeader'
  | 'importColumnExample'
  | 'importColumnUse'
  | 'importColumnLabel'
  | 'importNotImported'
  | 'importNotImportedList'
  | 'importFieldNames'
  | 'importEnteredStage'
  | 'importStages'
  | 'importStageLabel'
  | 'importStageWon'
  | 'importStageLost'
  | 'importStageNew'
  | 'importDateQuestion'
  | 'importDayMonth'
  | 'importMonthDay'
  | 'importPreview'
  | 'importCheck'
  | 'importCancel'
  | 'importChecking'
  | 'importSaving'
  | 'importAllGood'
  | 'importSomeBad'
  | 'importSkipBad'
  | 'importNothing'
  | 'importDownloadSkipped'
  | 'importResultSkipped'
  | 'syncOnline'
  | 'syncOffline'
  | 'syncSyncing'
  | 'syncUnsaved'
  | 'syncRefused'
  | 'presenceLabel'
  | 'guest'
  | 'movingBy'
  | 'presenceJoined'
  | 'trash'
  | 'trashHeading'
  | 'trashIntro'
  | 'trashEmpty'
  | 'trashDeal'
  | 'trashStage'
  | 'trashDeleted'
  | 'restore'
  | 'restoreLabel'
  | 'trashRestored'
  | 'closeTrash'
  | 'trashFailed'
  | 'moveLost';

/** The texts the first screen (and any notice or announcement) may show at once. */
export type FirstStrings = Omit<PipelineStrings, LaterKey>;
/** The texts fetched on first use, with the code that shows them. */
export type LaterStrings = Pick<PipelineStrings, LaterKey>;

export const FIRST_STRINGS: Record<Lang, FirstStrings> = { en, es };

/**
 * The strings for a language with the host's overrides on top. Before `later` has arrived its
 * keys are missing: only the code loaded with them reads them.
 */
export function pipelineStrings(
  lang: Lang,
  overrides?: Partial<PipelineStrings>,
  later?: LaterStrings,
): PipelineStrings {
  return { ...FIRST_STRINGS[lang], ...later, ...overrides } as PipelineStrings;
}
