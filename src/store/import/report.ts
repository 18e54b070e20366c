import type { Lang } from '../../model/types.js';
import { formatCsv, type Delimiter } from '../csv.js';
import type { MappedRow } from './map-rows.js';

/**
 * The rows an import skipped, as a file in the layout they came in: the same columns, the same
 * delimiter, each cell as it was, and three columns more saying the line, the field and why —
 * fix the cells, delete the three columns' values or not (they are not imported), import again.
 */

const LABELS: Record<Lang, [string, string, string]> = {
  en: ['Import: line', 'Import: field', 'Import: problem'],
  es: ['Importación: línea', 'Importación: campo', 'Importación: problema'],
};

export function skippedRowsCsv(
  headers: readonly string[],
  delimiter: Delimiter,
  rows: readonly MappedRow[],
  lang: Lang,
): string {
  const width = headers.length;
  const lines = rows
    .filter((r) => r.problems.length)
    .map((r) => {
      const cells = Array.from({ length: width }, (_, i) => r.cells?.[i] ?? '');
      const fields = [...new Set(r.problems.map((p) => p.field))].join(', ');
      return [...cells, r.line, fields, r.problems.map((p) => p.message).join('; ')];
    });
  // Cells go back as they were: a formula-looking text was the file's own and stays as text.
  return formatCsv([[...headers, ...LABELS[lang]], ...lines], delimiter);
}
