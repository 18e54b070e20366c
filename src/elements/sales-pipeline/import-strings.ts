/** The words of the board's import step (part of `PipelineStrings`, overridable the same way). */
export interface ImportStrings {
  importStepTitle: string;
  /** "Recognised as a {source} export: {rows} rows." */
  importRecognised: string;
  importRows: string;
  importReading: string;
  importNotUtf8: string;
  importAsEncoding: string;
  importColumns: string;
  importColumnHeader: string;
  importColumnExample: string;
  importColumnUse: string;
  /** The select's name: "Column “{header}”". */
  importColumnLabel: string;
  importNotImported: string;
  importNotImportedList: string;
  /** Labels of the fields a column can fill, `|`-separated, in `IMPORT_FIELDS` order. */
  importFieldNames: string;
  importEnteredStage: string;
  importStages: string;
  importStageLabel: string;
  importStageWon: string;
  importStageLost: string;
  importStageNew: string;
  importDateQuestion: string;
  importDayMonth: string;
  importMonthDay: string;
  importPreview: string;
  importCheck: string;
  importCancel: string;
  importChecking: string;
  importSaving: string;
  importAllGood: string;
  importSomeBad: string;
  importSkipBad: string;
  importNothing: string;
  importDownloadSkipped: string;
  importResult: string;
  importResultSkipped: string;
  importNeedsAnswer: string;
  importNoTitle: string;
}
