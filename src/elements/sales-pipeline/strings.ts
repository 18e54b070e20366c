import type { Lang } from '../../model/types.js';
import { STORAGE_FAILURE } from '../controllers/storage-failure.js';
import { IMPORT_STRINGS, type ImportStrings } from './import-strings.js';

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
  /** The browser gave no answer at all while opening the saved data (10 s). */
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

const en: PipelineStrings = {
  ...IMPORT_STRINGS.en,
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
  dealDialogNew: 'New deal',
  dealDialogEdit: 'Edit deal',
  fieldTitle: 'Title',
  fieldCompany: 'Company',
  fieldContact: 'Contact',
  fieldAmount: 'Amount',
  fieldCurrency: 'Currency',
  fieldOwner: 'Owner',
  fieldClose: 'Expected close date',
  fieldStage: 'Stage',
  fieldNotes: 'Notes',
  required: 'required',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  deleteDeal: 'Delete deal',
  fixErrors: 'Please correct {count} field(s):',
  changedElsewhere:
    'This deal was changed in another tab or window. The values there now: {summary}. Save replaces them with yours; Save as a new deal keeps both.',
  lostDialogTitle: 'Mark “{title}” as lost',
  lostReason: 'Why was it lost?',
  lostReasons: 'Price|Competitor|No budget|No decision|Timing|No response',
  markLost: 'Mark as lost',
  moveButton: 'Move…',
  moveButtonLabel: 'Move… {title}',
  moveDialogTitle: 'Move “{title}”',
  moveToStage: 'To a stage',
  moveHere: '{column} (here now)',
  moveUp: 'Up in {column}',
  moveDown: 'Down in {column}',
  wonOn: 'Won on',
  markWon: 'Mark as won',
  errFutureDate: '{field} cannot be after today.',
  errDateBefore: '{field} cannot be before {date}, the day it entered its stage.',
  cardRole: 'movable deal',
  cardHint: 'Space picks it up, M opens Move to…, E edits.',
  stagesDialogTitle: 'Stages',
  stageName: 'Name of stage {index}',
  stageChance: 'Chance to win from {name} (%)',
  stageChanceField: 'Chance to win',
  moveLeft: 'Move {name} left',
  moveRight: 'Move {name} right',
  removeStage: 'Remove {name}…',
  removeStageTo: 'Move its {count} deals to',
  removeConfirm: 'Remove {name}',
  addStage: 'Add stage',
  newStageName: 'New stage name',
  lastStage: 'A pipeline needs at least one stage.',
  importing: 'Importing {name}…',
  importPhase: '{phase}: {done} of {total}',
  imported: 'Imported {count} deals from {name}.',
  importFailed: 'Nothing was imported from {name}: {count} problem(s).',
  importRowError: 'Row {row}',
  importPhases: 'Reading|Checking|Saving',
  moreErrors: '…and {count} more.',
  errRequired: '{field} is required.',
  errTooLong: '{field} is longer than {max} characters.',
  errNumber: '{field} must be a number, such as 1500 or 1500.50.',
  errNegative: '{field} cannot be negative.',
  errAmountMax: '{field} can be at most {max}.',
  errDateRange: '{field} must be a date between the years 1970 and 9999.',
  errAmountCurrency:
    '{field} is written in {sign} but the currency is {currency}: change the currency, or write the amount without {sign}.',
  errCurrency: '{field} must be a three-letter code such as EUR or USD.',
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
  dealDeletedElsewhere:
    '“{title}” was deleted in another tab or window. What you typed is still here: save it as a new deal, or cancel.',
  saveAsNew: 'Save as a new deal',
  syncOnline: 'Online',
  syncOffline: 'Offline',
  syncSyncing: 'Syncing…',
  syncUnsaved: 'Unsaved changes',
  syncRefused: 'The sync server refused this client',
  presenceLabel: 'Also viewing',
  guest: 'Guest {n}',
  movingBy: '{name} is moving this',
  presenceJoined: '{name} is viewing this pipeline',
  trash: 'Trash',
  trashHeading: 'Trash: deals deleted in the last 30 days',
  trashIntro: 'A restored deal goes back to its stage with its history.',
  trashEmpty: 'The trash is empty.',
  trashDeal: 'Deal',
  trashStage: 'Stage',
  trashDeleted: 'Deleted',
  restore: 'Restore',
  restoreLabel: 'Restore {title}',
  trashRestored: '{title} is back in {column}.',
  closeTrash: 'Close trash',
  moveLost:
    'Someone else moved {title} to {column} at the same time, and that move stands; both moves are in its history.',
  conflict:
    '“{title}” was changed in another tab or window, so your change was not applied. The board now shows its latest version.',
  conflictGone: '“{title}” was deleted in another tab or window.',
  closedStore: 'The saved data is closed: reload the page.',
  failed: 'The change could not be saved: {detail}',
  dismiss: 'Dismiss',
  newPipelineName: 'Sales pipeline',
  noPipeline: 'The pipeline could not be opened: {detail}',
  badCurrency:
    'currency must be a three-letter ISO 4217 code such as EUR or USD, not “{value}”; EUR is used.',
};

const es: PipelineStrings = {
  ...IMPORT_STRINGS.es,
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
  dealDialogNew: 'Nueva oportunidad',
  dealDialogEdit: 'Editar oportunidad',
  fieldTitle: 'Título',
  fieldCompany: 'Empresa',
  fieldContact: 'Contacto',
  fieldAmount: 'Importe',
  fieldCurrency: 'Moneda',
  fieldOwner: 'Responsable',
  fieldClose: 'Fecha prevista de cierre',
  fieldStage: 'Etapa',
  fieldNotes: 'Notas',
  required: 'obligatorio',
  save: 'Guardar',
  cancel: 'Cancelar',
  close: 'Cerrar',
  deleteDeal: 'Borrar oportunidad',
  fixErrors: 'Corrija {count} campo(s):',
  changedElsewhere:
    'Esta oportunidad se cambió en otra pestaña o ventana. Sus valores allí: {summary}. Guardar los sustituye por los suyos; Guardar como oportunidad nueva conserva las dos.',
  lostDialogTitle: 'Marcar «{title}» como perdida',
  lostReason: '¿Por qué se perdió?',
  lostReasons: 'Precio|Competencia|Sin presupuesto|Sin decisión|Momento|Sin respuesta',
  markLost: 'Marcar como perdida',
  moveButton: 'Mover…',
  moveButtonLabel: 'Mover… {title}',
  moveDialogTitle: 'Mover «{title}»',
  moveToStage: 'A una etapa',
  moveHere: '{column} (aquí ahora)',
  moveUp: 'Subir en {column}',
  moveDown: 'Bajar en {column}',
  wonOn: 'Ganada el',
  markWon: 'Marcar como ganada',
  errFutureDate: '{field} no puede ser posterior a hoy.',
  errDateBefore: '{field} no puede ser anterior al {date}, el día en que entró en su etapa.',
  cardRole: 'oportunidad movible',
  cardHint: 'Espacio la levanta, M abre Mover…, E la edita.',
  stagesDialogTitle: 'Etapas',
  stageName: 'Nombre de la etapa {index}',
  stageChance: 'Probabilidad de ganar desde {name} (%)',
  stageChanceField: 'Probabilidad de ganar',
  moveLeft: 'Mover {name} a la izquierda',
  moveRight: 'Mover {name} a la derecha',
  removeStage: 'Quitar {name}…',
  removeStageTo: 'Mover sus {count} oportunidades a',
  removeConfirm: 'Quitar {name}',
  addStage: 'Añadir etapa',
  newStageName: 'Nombre de la nueva etapa',
  lastStage: 'Un flujo de ventas necesita al menos una etapa.',
  importing: 'Importando {name}…',
  importPhase: '{phase}: {done} de {total}',
  imported: 'Importadas {count} oportunidades de {name}.',
  importFailed: 'No se importó nada de {name}: {count} problema(s).',
  importRowError: 'Fila {row}',
  importPhases: 'Leyendo|Comprobando|Guardando',
  moreErrors: '…y {count} más.',
  errRequired: 'Falta el campo {field}.',
  errTooLong: 'El campo {field} tiene más de {max} caracteres.',
  errNumber: '{field} debe ser un número, como 1500 o 1500,50.',
  errNegative: '{field} no puede ser negativo.',
  errAmountMax: '{field} puede ser como mucho {max}.',
  errDateRange: '{field} debe ser una fecha entre los años 1970 y 9999.',
  errAmountCurrency:
    '{field} está escrito en {sign} pero la moneda es {currency}: cambie la moneda o escriba el importe sin {sign}.',
  errCurrency: '{field} debe ser un código de tres letras, como EUR o USD.',
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
  dealDeletedElsewhere:
    '«{title}» se borró en otra pestaña o ventana. Lo que escribió sigue aquí: guárdelo como una oportunidad nueva o cancele.',
  saveAsNew: 'Guardar como oportunidad nueva',
  syncOnline: 'En línea',
  syncOffline: 'Sin conexión',
  syncSyncing: 'Sincronizando…',
  syncUnsaved: 'Cambios sin guardar',
  syncRefused: 'El servidor de sincronización rechazó este cliente',
  presenceLabel: 'También viendo',
  guest: 'Invitado {n}',
  movingBy: '{name} está moviendo esto',
  presenceJoined: '{name} está viendo este pipeline',
  trash: 'Papelera',
  trashHeading: 'Papelera: oportunidades borradas en los últimos 30 días',
  trashIntro: 'Una oportunidad restaurada vuelve a su etapa con su historial.',
  trashEmpty: 'La papelera está vacía.',
  trashDeal: 'Oportunidad',
  trashStage: 'Etapa',
  trashDeleted: 'Borrada',
  restore: 'Restaurar',
  restoreLabel: 'Restaurar {title}',
  trashRestored: '{title} vuelve a estar en {column}.',
  closeTrash: 'Cerrar papelera',
  moveLost:
    'Otra persona movió {title} a {column} al mismo tiempo y ese movimiento se mantiene; los dos constan en su historial.',
  conflict:
    '«{title}» se cambió en otra pestaña o ventana, así que su cambio no se aplicó. El tablero muestra ahora su última versión.',
  conflictGone: '«{title}» se borró en otra pestaña o ventana.',
  closedStore: 'Los datos guardados están cerrados: recargue la página.',
  failed: 'No se pudo guardar el cambio: {detail}',
  dismiss: 'Cerrar aviso',
  newPipelineName: 'Flujo de ventas',
  noPipeline: 'No se pudo abrir el flujo de ventas: {detail}',
  badCurrency:
    'currency debe ser un código ISO 4217 de tres letras, como EUR o USD; no «{value}». Se usa EUR.',
};

export const PIPELINE_STRINGS: Record<Lang, PipelineStrings> = { en, es };

/** The strings for a language with the host's overrides on top. */
export function pipelineStrings(lang: Lang, overrides?: Partial<PipelineStrings>): PipelineStrings {
  return overrides ? { ...PIPELINE_STRINGS[lang], ...overrides } : PIPELINE_STRINGS[lang];
}
