#!/usr/bin/env node
// Fails (exit 1) on any import cycle in src/, type-only imports included. ESLint's
// import-x/no-cycle already refuses runtime cycles and import-x/no-restricted-paths the
// layer direction; a cycle through `import type` is harmless at run time but still ties two
// modules into one (an interface that imports its implementations), so it is refused here.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

// `import … from './x.js'`, `export … from './x.js'`, `import './x.js'` and `import('./x.js')`,
// type-only ones too. Comments are removed first so an example in a comment does not count.
const SPECIFIER = /(?:^|[\s;])(?:import|export)\b[^'"`;]*?(?:\bfrom\s*)?['"](\.[^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function importsOf(file) {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out = new Set();
  for (const re of [SPECIFIER, DYNAMIC]) {
    for (const m of text.matchAll(re)) {
      const target = resolve(dirname(file), m[1].replace(/\.js$/, '.ts'));
      out.add(target);
    }
  }
  return [...out];
}

const all = files(src);
const known = new Set(all);
const graph = new Map(all.map((f) => [f, importsOf(f).filter((t) => known.has(t))]));

// Tarjan's strongly connected components: every component of more than one module (or a module
// importing itself) is a cycle.
let index = 0;
const stack = [];
const meta = new Map();
const cycles = [];
function visit(v) {
  meta.set(v, { index, low: index, onStack: true });
  index += 1;
  stack.push(v);
  for (const w of graph.get(v)) {
    if (!meta.has(w)) {
      visit(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).onStack) {
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v).includes(v)) cycles.push(component);
  }
}
for (const f of all) if (!meta.has(f)) visit(f);

if (cycles.length) {
  console.error('Import cycles in src/ (type-only imports count too):');
  for (const c of cycles) console.error('  ' + c.map((f) => relative(root, f)).join(' ↔ '));
  process.exit(1);
}
console.log(`imports: ${all.length} modules in src/, no cycles (type-only imports included)`);
