#!/usr/bin/env node
// Fails (exit 1) when the build `npm run build` just made is not what package.json promises:
// a missing export target or type declaration, declarations that do not type-check on their
// own, a standalone file that still imports something, a library entry that does not run in
// Node, or a custom-elements.json without the four elements. CI runs it with the build.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { root } from '../bench/lib.mjs';

const failures = [];
const fail = (text) => failures.push(text);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Every path package.json points at exists.
const targets = new Set([pkg.main, pkg.module, pkg.types, pkg.customElements]);
for (const [name, target] of Object.entries(pkg.exports)) {
  if (typeof target === 'string') targets.add(target);
  else {
    if (!target.types) fail(`exports["${name}"] has no types`);
    for (const path of Object.values(target)) targets.add(path);
  }
}
for (const path of targets) {
  if (path && !existsSync(join(root, path))) fail(`${path} (named in package.json) is missing`);
}

// The declarations type-check on their own, as a consumer's compiler reads them.
const declarations = Object.values(pkg.exports)
  .map((t) => (typeof t === 'string' ? undefined : t.types))
  .filter((p) => p && existsSync(join(root, p)))
  .map((p) => join(root, p));
const program = ts.createProgram(declarations, {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  experimentalDecorators: true,
});
const diagnostics = ts
  .getPreEmitDiagnostics(program)
  .filter((d) => !d.file || d.file.fileName.startsWith(join(root, 'dist')));
for (const d of diagnostics.slice(0, 10)) {
  const where = d.file ? `${d.file.fileName.slice(root.length + 1)}: ` : '';
  fail(`types: ${where}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

// A standalone file is one file: no import of anything, bare or relative (a dynamic import()
// of a sibling would 404 where a site owner copied the one file), but for team sync's
// `import("./sales-sync.js")`, the one file the README says to copy beside them for `sync`.
for (const file of ['dist/sales-funnel.js', 'dist/sales-elements.js', 'dist/sales-sync.js']) {
  const path = join(root, file);
  if (!existsSync(path)) continue;
  const text = readFileSync(path, 'utf8');
  const imports = (
    text.match(/\bimport\s*\(?\s*["'][^"']+["']|\bfrom\s*["'][^"']+["']/g) ?? []
  ).filter((i) => !/^import\s*\(\s*["']\.\/sales-sync\.js["']$/.test(i));
  if (imports.length)
    fail(`${file} imports ${imports.slice(0, 3).join(', ')}: it must be self-contained`);
}

// The pure entries run in Node as published.
try {
  const model = await import(pathToFileURL(join(root, 'dist/lib/model.js')).href);
  const sim = await import(pathToFileURL(join(root, 'dist/lib/sim.js')).href);
  const parsed = model.parseScenario(model.getPreset('pipeline-7').scenario);
  if (!parsed.ok) fail('dist/lib/model.js: the pipeline-7 preset does not parse');
  else if (!(sim.project(parsed.value).won > 0))
    fail('dist/lib/sim.js: project() gave no won deals');
  await import(pathToFileURL(join(root, 'dist/lib/analytics.js')).href);
} catch (e) {
  fail(`the pure entries do not run in Node: ${e instanceof Error ? e.message : e}`);
}

// The manifest describes the four elements.
const manifestPath = join(root, pkg.customElements);
if (existsSync(manifestPath)) {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const tags = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.customElement)
      .map((d) => d.tagName);
    for (const tag of [
      'sales-funnel',
      'sales-pipeline',
      'sales-simulator',
      'sales-workspace',
      'sales-forecast',
    ]) {
      if (!tags.includes(tag)) fail(`${pkg.customElements} does not declare <${tag}>`);
    }
    checkAttributesAgainstReadme(manifest);
  } catch (e) {
    fail(`${pkg.customElements} is not valid JSON: ${e instanceof Error ? e.message : e}`);
  }
}

/**
 * The README's one attribute table is the public contract: each element's attributes in the
 * manifest must be exactly the ones ticked for it there (`lang`, a global attribute, aside).
 */
function checkAttributesAgainstReadme(manifest) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split('\n## One vocabulary')[1]?.split('\n## ')[0];
  if (!section) return fail('README.md has no "One vocabulary" section with the attribute table');
  const lines = section.split('\n');
  const header = lines.findIndex((l) => /^\|\s*attribute\s*\|/.test(l));
  if (header < 0) return fail('README.md: the "One vocabulary" section has no attribute table');
  const columns = lines[header].split('|').map((c) => c.trim());
  const element = { funnel: 'sales-funnel', pipeline: 'sales-pipeline' };
  const tagOf = (c) => element[c] ?? `sales-${c}`;
  const documented = new Map();
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').map((c) => c.trim());
    const names = [...cells[1].matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
    cells.forEach((cell, i) => {
      if (cell !== '✓') return;
      const tag = tagOf(columns[i]);
      if (!documented.has(tag)) documented.set(tag, new Set());
      for (const n of names) documented.get(tag).add(n);
    });
  }
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (!d.customElement || !d.tagName) continue;
    const inManifest = new Set((d.attributes ?? []).map((a) => a.name));
    const inReadme = documented.get(d.tagName) ?? new Set();
    inReadme.delete('lang');
    const missing = [...inReadme].filter((a) => !inManifest.has(a));
    const extra = [...inManifest].filter((a) => !inReadme.has(a));
    if (missing.length)
      fail(`<${d.tagName}>: README lists ${missing.join(', ')}; the element has no such attribute`);
    if (extra.length)
      fail(`<${d.tagName}>: attribute ${extra.join(', ')} is not in README's attribute table`);
  }
}

if (failures.length) {
  console.error('build check failed:');
  for (const f of failures) console.error(`- ${f}`);
  process.exit(1);
}
console.log(
  `build check: ${targets.size} package.json targets present, ${declarations.length} type entries ` +
    'type-check, standalone files self-contained, pure entries run in Node, manifest has the 5 ' +
    "elements with exactly the attributes of README's table",
);
