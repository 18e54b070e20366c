import type { Lang } from '../../../model/types.js';
import type { PipelineExport } from '../../../store/records.js';
import { readImportFile } from '../../../store/transfer.js';

/**
 * What the board's files in and out load with the first import or export: the CSV reader and
 * writer, and the JSON pipeline file's reader, so a board that never moves a file never fetches
 * them.
 */
export { dealsToCsv, importCsv } from '../../../store/transfer.js';

/** Reads a JSON pipeline file (size checked first); a syntax error names the file. */
export async function readPipelineFile(file: File, lang: Lang): Promise<PipelineExport> {
  const text = await readImportFile(file, lang);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as PipelineExport;
  } catch (e) {
    throw e instanceof SyntaxError ? new Error(`${file.name}: ${e.message}`) : e;
  }
}
