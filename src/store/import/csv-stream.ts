import { detectDelimiter, type Delimiter } from '../csv.js';

/**
 * CSV read as it streams in, record by record, each numbered as a spreadsheet numbers its
 * rows: the header is line 1, a blank line is a row of its own (a spreadsheet shows it empty),
 * and a line break inside quotes stays within its record. `,`, `;` or tab (detected from the
 * first line), CRLF, LF or CR alone. Holds at most one unfinished record between chunks, so a
 * 50 MB file never sits in memory whole. Pure.
 */

export interface CsvRecord {
  /** The spreadsheet row: 1 for the header. */
  line: number;
  cells: string[];
}

export class CsvStream {
  private pending = '';
  private line = 0;
  private delimiter?: Delimiter;

  constructor(delimiter?: Delimiter) {
    this.delimiter = delimiter;
  }

  /** The delimiter in use, once the first line is in. */
  get usedDelimiter(): Delimiter | undefined {
    return this.delimiter;
  }

  /** Records completed by `text`; the end of the text may hold the start of the next one. */
  push(text: string): CsvRecord[] {
    return this.read(this.pending + text, false);
  }

  /** The last record, if the file does not end with a line break. */
  end(): CsvRecord[] {
    return this.read(this.pending, true);
  }

  private read(text: string, last: boolean): CsvRecord[] {
    if (this.delimiter === undefined) {
      // The first line must be whole to count its delimiters.
      if (!last && !/[\r\n]/.test(text)) {
        this.pending = text;
        return [];
      }
      this.delimiter = detectDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    }
    if (this.line === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const d = this.delimiter;
    const records: CsvRecord[] = [];
    const n = text.length;
    let i = 0;
    let start = 0;
    let row: string[] = [];
    let field = '';
    const endRecord = () => {
      row.push(field);
      this.line += 1;
      records.push({ line: this.line, cells: row });
      row = [];
      field = '';
    };
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34 /* " */ && field === '') {
        let j = i + 1;
        let value = '';
        let closed = false;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) break;
          if (text.charCodeAt(q + 1) === 34) {
            value += text.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          // A quote at the very end of a chunk may be the first of a doubled pair.
          if (q + 1 === n && !last) break;
          value += text.slice(j, q);
          j = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          if (!last) break;
          // An unclosed quote runs to the end of the file, as spreadsheets read it.
          field = value + text.slice(j);
          i = n;
          break;
        }
        field = value;
        i = j;
        // Anything between the closing quote and the delimiter is kept, not dropped.
        while (i < n && text[i] !== d && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
        continue;
      }
      if (text[i] === d) {
        row.push(field);
        field = '';
        i += 1;
      } else if (c === 10 || c === 13) {
        if (c === 13 && i + 1 === n && !last) break; // CR at a chunk's end: CRLF may follow.
        endRecord();
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        start = i;
      } else {
        const next = nextSpecial(text, i, d);
        field += text.slice(i, next);
        i = next;
      }
    }
    if (last) {
      if (i >= n && (field !== '' || row.length > 0)) endRecord();
      this.pending = '';
    } else {
      this.pending = text.slice(start);
    }
    return records;
  }
}

/** The index of the next delimiter, quote or line break at or after `i`. */
function nextSpecial(text: string, i: number, d: string): number {
  let j = i;
  const n = text.length;
  while (j < n) {
    const c = text[j];
    if (c === d || c === '\n' || c === '\r' || c === '"') return j === i ? j + 1 : j;
    j += 1;
  }
  return n;
}

/** Every record of a whole text. */
export function readCsvRecords(
  text: string,
  delimiter?: Delimiter,
): { delimiter: Delimiter; records: CsvRecord[] } {
  const stream = new CsvStream(delimiter);
  const records = [...stream.push(text), ...stream.end()];
  return { delimiter: stream.usedDelimiter ?? ',', records };
}
