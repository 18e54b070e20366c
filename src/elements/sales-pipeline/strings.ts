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
  /** Code or texts the board fetches on first use did not arrive (offline): shown with `retry`. */
  loadFailed: string;
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
  cancel: 'Cancel',
  close: 'Close',
  deleteDeal: 'Delete deal',
  lostReason: 'Why was it lost?',
  moveButton: 'Move…',
  moveButtonLabel: 'Move… {title}',
  cardRole: 'movable deal',
  cardHint: 'Space picks it up, M opens Move to…, E edits.',
  stageName: 'Name of stage {index}',
  reload: 'Reload',
  storageNewer: STORAGE_FAILURE.en.storageNewer,
  storageCorrupt: STORAGE_FAILURE.en.storageCorrupt,
  storageTimedOut: STORAGE_FAILURE.en.storageTimedOut,
  retry: 'Try again',
  loadFailed: 'Part of the board could not be loaded (the connection may be down).',
  reasonStorage: STORAGE_FAILURE.en.storageReason,
  stageUnknown: 'a stage added in another tab or window',
  dismiss: 'Dismiss',
  newPipelineName: 'Sales pipeline',
  badCurrency:
    'currency must be a three-letter ISO 4217 code such as EUR or USD, not “{value}”; EUR is used.',
};

const es: FirstStrings = {
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
  cancel: 'Cancelar',
  close: 'Cerrar',
  deleteDeal: 'Borrar oportunidad',
  lostReason: '¿Por qué se perdió?',
  moveButton: 'Mover…',
  moveButtonLabel: 'Mover… {title}',
  cardRole: 'oportunidad movible',
  cardHint: 'Espacio la levanta, M abre Mover…, E la edita.',
  stageName: 'Nombre de la etapa {index}',
  reload: 'Recargar',
  storageNewer: STORAGE_FAILURE.es.storageNewer,
  storageCorrupt: STORAGE_FAILURE.es.storageCorrupt,
  storageTimedOut: STORAGE_FAILURE.es.storageTimedOut,
  retry: 'Reintentar',
  loadFailed: 'No se pudo cargar una parte del tablero (puede que no haya conexión).',
  reasonStorage: STORAGE_FAILURE.es.storageReason,
  stageUnknown: 'una etapa añadida en otra pestaña o ventana',
  dismiss: 'Cerrar aviso',
  newPipelineName: 'Flujo de ventas',
  badCurrency:
    'currency debe ser un código ISO 4217 de tres letras, como EUR o USD; no «{value}». Se usa EUR.',
};

/**
 * The keys only the board's dialogs, its import step and file code, its failures and conflicts
 * (a notice keeps a key and values, worded when shown) and a board with `sync` read: they load
 * with that code or with the first such notice (`loadLaterStrings`), so the first screen does
 * not fetch them.
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
  | 'moveLost'
  | 'quota'
  | 'reloadNeeded'
  | 'blocked'
  | 'reopened'
  | 'dataCleared'
  | 'reasonClosed'
  | 'reasonGone'
  | 'undoConflict'
  | 'undoRestored'
  | 'stageGone'
  | 'conflict'
  | 'conflictGone'
  | 'failed'
  | 'noPipeline'
  | 'memoryOnly'
  | 'changedElsewhere'
  | 'errFutureDate'
  | 'errDateBefore'
  | 'importNotUtf8'
  | 'importResult'
  | 'importNeedsAnswer'
  | 'importNoTitle'
  | 'importReplace'
  | 'importReplaceConfirm'
  | 'sampleConfirm'
  | 'sampleLoaded'
  | 'sampleKept'
  | 'importing'
  | 'importPhase'
  | 'imported'
  | 'importFailed'
  | 'importRowError'
  | 'importPhases'
  | 'moreErrors'
  | 'errRequired'
  | 'errDate'
  | 'confirm'
  | 'save'
  | 'wonOn'
  | 'stageChanceField'
  | 'removeStage'
  | 'addStage'
  | 'newStageName';

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
