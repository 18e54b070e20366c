/**
 * What the board's dialog loads the first time it opens: the deal form, the "Move…" dialog, the
 * stage editor, the lost-reason and "are you sure?" dialogs, so a board whose dialogs stay
 * closed never fetches them.
 */
export { readDealForm, renderDealDialog } from '../panels/deal-dialog.js';
export {
  dealSummary,
  formAfterSaveError,
  formWhileTyping,
  newDealFrom,
} from '../model/deal-form.js';
export { readLostReason, renderConfirmDialog, renderLostDialog } from '../panels/dialogs.js';
export { readWonDay, renderMoveDialog } from '../panels/move-dialog.js';
export { readChance, renderStageEditor, takeNewStageName } from '../panels/stage-editor.js';
