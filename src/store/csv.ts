/**
 * CSV as RFC 4180 writes it, and as spreadsheets really export it: quoted fields with
 * doubled quotes and line breaks inside, CRLF or LF, a UTF-8 byte-order mark, and `,` or `;`
 * as the delimiter (Spanish-locale Excel uses `;`). Pure.
 */

export type Delimiter = ',' | ';' | '\t';

/**
 * The delimiter of the header line: the candidate found most often outside quotes.
 * Ties go to `,`.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c] += 1;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

export interface CsvTable {
  delimiter: Delimiter;
  rows: string[][];
}

/**
 * Splits CSV text into rows of fields. Lenient where being strict would only lose data: a
 * quote inside an unquoted field is kept as a character, and an unclosed quote runs to the
 * end of the text. Blank lines are dropped.
 */
export function parseCsv(input: string, delimiter?: Delimiter): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const d = delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  const endRow = () => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      // A quoted field: runs to the next quote not doubled.
      i += 1;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          field += text.slice(start);
          i = n;
          break;
        }
        if (text[q + 1] === '"') {
          field += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept, not dropped.
      while (i < n && text[i] !== d && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      continue;
    }
    if (c === d) {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\n' || c === '\r') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return { delimiter: d, rows };
}

/**
 * What a spreadsheet skips or shows as nothing before a value: whitespace and line breaks
 * (no-break spaces too), control and format characters (zero-width spaces and joiners U+200B–
 * U+200F, word joiner U+2060, byte-order mark U+FEFF, bidi marks, soft hyphen) and the Hangul
 * fillers that draw as blanks.
 */
const INVISIBLE = /^[\s\p{Cc}\p{Cf}\u115f\u1160\u3164\uffa0]*/u;

/**
 * Whether a spreadsheet could run `value` as a formula: after what it skips, it starts with
 * `=`, `+`, `-` or `@`, or what it skips holds a tab or carriage return (cells that start so are
 * read as formulas by some spreadsheets). Text starting with `'` counts too, so that the quote
 * `protectCell` adds is never confused with a person's own.
 */
export function looksLikeFormula(value: string): boolean {
  if (value.startsWith("'")) return true;
  const lead = INVISIBLE.exec(value)![0];
  return /[\t\r]/.test(lead) || /^[=+\-@]/.test(value.slice(lead.length));
}

/**
 * Formula-like text (`looksLikeFormula`) gets a leading `'`: shown as text, never executed.
 * Imports store text as given (a title of `=1+1` stays those characters, shown as text on the
 * board) and every CSV export protects it here; `parseCsv` callers strip the quote again with
 * `unprotectCell`, so export → import gives back the original text.
 */
export function protectCell(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

export function unprotectCell(value: string): string {
  return value.startsWith("'") && looksLikeFormula(value.slice(1)) ? value.slice(1) : value;
}

/** One field, quoted when it holds the delimiter, a quote, a line break or edge spaces. */
export function formatField(value: string, delimiter: Delimiter = ','): string {
  const needsQuotes = value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim();
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows to CSV text with CRLF line ends (RFC 4180); text cells are protected from formulas. */
export function formatCsv(
  rows: readonly (readonly (string | number | null | undefined)[])[],
  delimiter: Delimiter = ',',
): string {
  return rows
    .map((r) =>
      r
        .map((v) => {
          if (v === null || v === undefined) return '';
          // Numbers are written as numbers: a negative amount is not a formula.
          const s = typeof v === 'number' ? String(v) : protectCell(v);
          return formatField(s, delimiter);
        })
        .join(delimiter),
    )
    .join('\r\n')
    .concat('\r\n');
}
