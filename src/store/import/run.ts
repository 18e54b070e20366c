import type { Delimiter } from '../csv.js';
import type { Lang, Pipeline } from '../../model/types.js';
import { CsvStream, type CsvRecord } from './csv-stream.js';
import { ChunkDecoder, type Encoding } from './decode.js';
import { mapRecord, pipelineAfter, resolvePlan, type MappedRow } from './map-rows.js';
import { Scanner, type ImportPlan, type ImportScan } from './plan.js';

/**
 * The two passes of an import over a file's bytes as they stream in (`Blob.stream()`, or one
 * array in tests): the scan, then the mapping. Each keeps one chunk and one unfinished record
 * at a time, reports how many bytes it has read, and hands rows on as they come. Pure: the
 * worker (`import-worker.ts`) runs them off the page's thread.
 */

export type Chunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** Bytes read so far, of how many. */
export type OnBytes = (done: number) => void;

async function* records(
  chunks: Chunks,
  encoding: Encoding | undefined,
  delimiter: Delimiter | undefined,
  onBytes: OnBytes | undefined,
  info: { encoding?: Encoding; delimiter?: Delimiter },
): AsyncGenerator<CsvRecord[]> {
  const decoder = new ChunkDecoder(encoding);
  const csv = new CsvStream(delimiter);
  let done = 0;
  for await (const chunk of chunks) {
    done += chunk.length;
    yield csv.push(decoder.push(chunk));
    info.encoding = decoder.used;
    info.delimiter = csv.usedDelimiter;
    onBytes?.(done);
  }
  yield [...csv.push(decoder.push(new Uint8Array(0), true)), ...csv.end()];
  info.encoding = decoder.used ?? encoding ?? 'utf-8';
  info.delimiter = csv.usedDelimiter ?? ',';
}

/** The first pass: what the mapping step shows. Throws `NotUtf8Error` for a file to ask about. */
export async function scanBytes(
  chunks: Chunks,
  encoding?: Encoding,
  onBytes?: OnBytes,
): Promise<ImportScan> {
  const scanner = new Scanner();
  const info: { encoding?: Encoding; delimiter?: Delimiter } = {};
  for await (const batch of records(chunks, encoding, undefined, onBytes, info)) {
    for (const r of batch) scanner.add(r);
  }
  return scanner.finish(info.encoding ?? 'utf-8', info.delimiter ?? ',');
}

/** The second pass: every data row after the header, mapped through `plan`, in batches. */
export async function mapBytes(
  chunks: Chunks,
  scan: ImportScan,
  plan: ImportPlan,
  pipeline: Pipeline,
  lang: Lang,
  onRows: (rows: MappedRow[]) => void,
  onBytes?: OnBytes,
): Promise<void> {
  const resolved = resolvePlan(plan, scan.headers, pipeline, lang);
  const after = pipelineAfter(resolved);
  const info = {};
  for await (const batch of records(chunks, scan.encoding, scan.delimiter, onBytes, info)) {
    const rows: MappedRow[] = [];
    for (const r of batch) {
      if (r.line <= scan.headerLine) continue;
      const mapped = mapRecord(resolved, r, after);
      if (mapped) rows.push(mapped);
    }
    if (rows.length) onRows(rows);
  }
}
