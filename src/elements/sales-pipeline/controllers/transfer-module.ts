import { explain } from '../../../model/explain.js';
import { formatError } from '../../../model/messages.js';
import type { Lang } from '../../../model/types.js';
import { StoreError } from '../../../store/errors.js';
import type { PipelineExport } from '../../../store/records.js';
import { readImportFile } from '../../../store/transfer.js';

/**
 * What the board's files in and out load with the first import or export: the CSV reader and
 * writer, and the JSON pipeline file's reader, so a board that never moves a file never fetches
 * them.
 */
export { dealsToCsv, importCsv } from '../../../store/transfer.js';

/**
 * Reads a JSON pipeline file (size checked first). A syntax error is refused in the words the
 * attributes use (named by the file, where it breaks by line and column, in `lang`); the
 * engine's own English message goes to the console only.
 */
export async function readPipelineFile(file: File, lang: Lang): Promise<PipelineExport> {
  const text = await readImportFile(file, lang);
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(json) as PipelineExport;
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    const error = explain({ path: file.name, code: 'json-invalid', reason: e.message, text: json });
    const message = formatError(error, lang);
    console.warn(`sales-pipeline: ${message}`, e.message);
    throw new StoreError('invalid', message, {
      details: [{ field: file.name, code: error.code, message }],
      cause: e,
    });
  }
}
