import type { Lang } from '../../model/types.js';

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

const en: ImportStrings = {
  importStepTitle: 'Import {name}',
  importRecognised: 'Recognised as a {source} export: {rows} rows.',
  importRows: '{rows} rows.',
  importReading: 'Reading {name}: {done} of {total}',
  importNotUtf8:
    'This file is not UTF-8; it looks like {encoding}. Its first line with accents reads: “{sample}”. Import it as {encoding}?',
  importAsEncoding: 'Import as {encoding}',
  importColumns: 'Columns',
  importColumnHeader: 'Column of the file',
  importColumnExample: 'First value',
  importColumnUse: 'Imported as',
  importColumnLabel: 'Column “{header}”',
  importNotImported: 'Not imported',
  importNotImportedList: 'Not imported: {columns}.',
  importFieldNames:
    'Title|Company|Contact|Amount|Currency|Owner|Expected close date|Created|Lost reason|Notes|Source id|Stage|Status|Entered the current stage|Previous stage|Date of the stage change|Won on|Lost on',
  importEnteredStage: 'Date entered “{stage}”',
  importStages: 'Stages of the file',
  importStageLabel: 'Stage “{value}” ({count} rows)',
  importStageWon: 'Won',
  importStageLost: 'Lost',
  importStageNew: 'New stage “{name}”',
  importDateQuestion: '“{header}”: is {example} day/month or month/day?',
  importDayMonth: 'Day/month',
  importMonthDay: 'Month/day',
  importPreview: 'The first rows as they will be stored',
  importCheck: 'Check and import',
  importCancel: 'Cancel import',
  importChecking: 'Checking {name}: {done} of {total}',
  importSaving: 'Saving {count} deals…',
  importAllGood: 'All {count} rows can be imported.',
  importSomeBad: '{good} rows can be imported; {bad} cannot:',
  importSkipBad: 'Import the {good} valid rows and skip the {bad} bad ones',
  importNothing: 'Import nothing',
  importDownloadSkipped: 'Download the {bad} rows not imported',
  importResult: '{name}: {added} added, {updated} updated, {unchanged} unchanged.',
  importResultSkipped: '{bad} rows were skipped.',
  importNeedsAnswer: 'Answer the questions above first.',
  importNoTitle: 'Choose the column that holds the deal’s title.',
};

const es: ImportStrings = {
  importStepTitle: 'Importar {name}',
  importRecognised: 'Reconocido como una exportación de {source}: {rows} filas.',
  importRows: '{rows} filas.',
  importReading: 'Leyendo {name}: {done} de {total}',
  importNotUtf8:
    'Este archivo no es UTF-8; parece {encoding}. Su primera línea con acentos dice: «{sample}». ¿Importarlo como {encoding}?',
  importAsEncoding: 'Importar como {encoding}',
  importColumns: 'Columnas',
  importColumnHeader: 'Columna del archivo',
  importColumnExample: 'Primer valor',
  importColumnUse: 'Se importa como',
  importColumnLabel: 'Columna «{header}»',
  importNotImported: 'No se importa',
  importNotImportedList: 'No se importan: {columns}.',
  importFieldNames:
    'Título|Empresa|Contacto|Importe|Moneda|Responsable|Fecha prevista de cierre|Fecha de creación|Motivo de pérdida|Notas|Identificador de origen|Etapa|Estado|Entrada en la etapa actual|Etapa anterior|Fecha del cambio de etapa|Ganada el|Perdida el',
  importEnteredStage: 'Fecha de entrada en «{stage}»',
  importStages: 'Etapas del archivo',
  importStageLabel: 'Etapa «{value}» ({count} filas)',
  importStageWon: 'Ganada',
  importStageLost: 'Perdida',
  importStageNew: 'Etapa nueva «{name}»',
  importDateQuestion: '«{header}»: ¿{example} es día/mes o mes/día?',
  importDayMonth: 'Día/mes',
  importMonthDay: 'Mes/día',
  importPreview: 'Las primeras filas tal como se guardarán',
  importCheck: 'Comprobar e importar',
  importCancel: 'Cancelar la importación',
  importChecking: 'Comprobando {name}: {done} de {total}',
  importSaving: 'Guardando {count} oportunidades…',
  importAllGood: 'Se pueden importar las {count} filas.',
  importSomeBad: 'Se pueden importar {good} filas; {bad} no:',
  importSkipBad: 'Importar las {good} filas válidas y omitir las {bad} erróneas',
  importNothing: 'No importar nada',
  importDownloadSkipped: 'Descargar las {bad} filas no importadas',
  importResult: '{name}: {added} añadidas, {updated} actualizadas, {unchanged} sin cambios.',
  importResultSkipped: 'Se omitieron {bad} filas.',
  importNeedsAnswer: 'Responda primero a las preguntas de arriba.',
  importNoTitle: 'Elija la columna que contiene el título de la oportunidad.',
};

export const IMPORT_STRINGS: Record<Lang, ImportStrings> = { en, es };
