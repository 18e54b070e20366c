// The CSV readers compared by bench/import/run.mjs, bundled for Node: the hand-written
// streaming reader of the import step and the older whole-text parser.
export { CsvStream } from '../../src/store/import/csv-stream.js';
export { ChunkDecoder } from '../../src/store/import/decode.js';
export { parseCsv } from '../../src/store/csv.js';
