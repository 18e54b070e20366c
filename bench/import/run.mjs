#!/usr/bin/env node
// CSV readers for the import step, in Node:
//   node bench/import/run.mjs [--rows 100000] [--papaparse /path/to/papaparse.min.js]
// - the streaming reader (src/store/import/csv-stream.ts + decode.ts) fed 64 KB chunks of
//   bytes, as the worker feeds it;
// - the older whole-text parser (src/store/csv.ts), given the whole text;
// - PapaParse 5 (not a dependency: pass its path), whole text and chunked (`step`);
// time (median of 5), peak heap growth, and the minified + gzip size of each reader.
// A 100,000-row export of ~50 MB (long notes with quoted line breaks and delimiters).
import { build } from 'esbuild';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { root } from '../lib.mjs';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, papaparse: { type: 'string' } },
});
const ROWS = Number(args.rows);
const outDir = join(root, 'bench/.out/import');
await mkdir(outDir, { recursive: true });

async function bundle(entry, name) {
  const out = join(outDir, name);
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    minify: true,
    outfile: out,
    logLevel: 'error',
  });
  return out;
}
const ours = await import(await bundle(join(root, 'bench/import/parsers.ts'), 'parsers.mjs'));
const streamOnly = await readFile(
  await bundle(join(root, 'src/store/import/csv-stream.ts'), 'stream-only.mjs'),
);

const note = 'Called twice; "budget" confirmed, next step: proposal; decision in Q3,\nsee minutes.';
const lines = [
  'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal Owner,Associated Company,Notes',
];
for (let i = 0; i < ROWS; i += 1) {
  lines.push(
    `${i},"Deal ${i} – annual licence",Qualified To Buy,"${(i % 97) * 125}.50",2026-03-31,2026-01-05 09:30,Ana Ruiz,"Company ${i % 700}, S.L.","${note.repeat(5).replace(/"/g, '""')}"`,
  );
}
const text = lines.join('\r\n');
const bytes = new TextEncoder().encode(text);
console.log(`file: ${ROWS.toLocaleString('en')} rows, ${(bytes.length / 1048576).toFixed(1)} MB`);

const CHUNK = 65536;
const chunks = [];
for (let i = 0; i < bytes.length; i += CHUNK) chunks.push(bytes.subarray(i, i + CHUNK));

function measure(label, run) {
  const times = [];
  let peak = 0;
  let count = 0;
  for (let r = 0; r < 5; r += 1) {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    count = run((heap) => (peak = Math.max(peak, heap - before)), before);
    times.push(performance.now() - t0);
    peak = Math.max(peak, process.memoryUsage().heapUsed - before);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)} ${times[2].toFixed(0).padStart(6)} ms  ${(peak / 1048576).toFixed(0).padStart(5)} MB heap  ${count} records`,
  );
}

measure('streaming (ours, 64 KB chunks)', (seen) => {
  const decoder = new ours.ChunkDecoder();
  const csv = new ours.CsvStream();
  let n = 0;
  for (const c of chunks) {
    n += csv.push(decoder.push(c)).length;
    seen(process.memoryUsage().heapUsed);
  }
  n += csv.push(decoder.push(new Uint8Array(0), true)).length + csv.end().length;
  return n;
});
measure(
  'whole text (old csv.ts)',
  () => ours.parseCsv(new TextDecoder().decode(bytes)).rows.length,
);

const sizes = [['streaming reader (csv-stream.ts)', streamOnly]];
if (args.papaparse) {
  const source = await readFile(args.papaparse, 'utf8');
  const module = { exports: {} };
  new Function('module', 'exports', source)(module, module.exports);
  const Papa = module.exports;
  measure(
    'PapaParse 5, whole text',
    () => Papa.parse(new TextDecoder().decode(bytes), { skipEmptyLines: false }).data.length,
  );
  measure('PapaParse 5, step (chunked)', (seen) => {
    let n = 0;
    Papa.parse(new TextDecoder().decode(bytes), { step: () => (n += 1) });
    seen(process.memoryUsage().heapUsed);
    return n;
  });
  sizes.push(['PapaParse 5 (papaparse.min.js)', Buffer.from(source)]);
}
for (const [label, code] of sizes) {
  console.log(
    `${label.padEnd(34)} ${(code.length / 1024).toFixed(1)} KB min, ${(gzipSync(code).length / 1024).toFixed(1)} KB gzip`,
  );
}
