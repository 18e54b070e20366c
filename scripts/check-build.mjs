#!/usr/bin/env node
// Fails (exit 1) when the build `npm run build` just made is not what package.json promises:
// a missing export target or type declaration, declarations that do not type-check on their
// own, a standalone file that still imports something, a library entry that does not run in
// Node, or a custom-elements.json without the four elements. CI runs it with the build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { parseAst } from 'vite';
import { root } from '../bench/lib.mjs';

const failures = [];
const fail = (text) => failures.push(text);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Every path package.json points at exists.
const targets = new Set([
  pkg.main,
  pkg.module,
  pkg.types,
  pkg.customElements,
  pkg['web-types'],
  pkg.jsdelivr,
  pkg.unpkg,
  './LICENSE',
  './dist/THIRD-PARTY-LICENSES.txt',
  './dist/sales-funnel.js.sri',
  './dist/sales-elements.js.sri',
]);
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

// The README's CDN snippet takes an entry's .sri line as its integrity: it must be the file's hash.
for (const entry of ['sales-funnel.js', 'sales-elements.js']) {
  const path = join(root, 'dist', entry);
  if (!existsSync(path) || !existsSync(`${path}.sri`)) continue;
  const hash = `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;
  if (readFileSync(`${path}.sri`, 'utf8').trim() !== hash) {
    fail(
      `dist/${entry}.sri is not the file's sha384: a browser would refuse the README's CDN snippet`,
    );
  }
}

// The declarations type-check on their own, as a consumer's compiler reads them.
// (Svelte's types need Svelte, which this project does not install.)
const declarations = Object.entries(pkg.exports)
  .filter(([name]) => name !== './svelte')
  .map(([, t]) => (typeof t === 'string' ? undefined : t.types))
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

// The declarations name only packages a user has: dependencies and (optional) peers. A
// transitive one (lit-html behind lit) does not resolve under a strict install (pnpm).
const declared = new Set([
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
]);
for (const file of readdirSync(join(root, 'dist/types'), { recursive: true })) {
  if (!String(file).endsWith('.d.ts')) continue;
  const text = readFileSync(join(root, 'dist/types', file), 'utf8');
  for (const m of text.matchAll(/(?:from\s+|import\(\s*)['"]([^'".][^'"]*)['"]/g)) {
    const name = m[1].startsWith('@') ? m[1].split('/').slice(0, 2).join('/') : m[1].split('/')[0];
    if (!declared.has(name) && !declared.has(`@types/${name}`)) {
      fail(`dist/types/${file} imports ${m[1]}, which is not a dependency`);
    }
  }
}

// A script-tag file imports nothing bare (a page has no import map); its lazy parts are
// content-hashed files beside it (`sales-funnel-<name>-<hash>.js`), fetched relative to it,
// which may import their entry back by its own name (Lit's classes, shared with the entry),
// and team sync's `./sales-sync.js`, the one file the README says to copy beside them for `sync`.
const distFiles = readdirSync(join(root, 'dist'));
if (distFiles.includes('sales-sync.js')) {
  const specifiers = importsOf(readFileSync(join(root, 'dist/sales-sync.js'), 'utf8'));
  if (specifiers.length) fail(`dist/sales-sync.js imports ${specifiers.slice(0, 3).join(', ')}`);
} else fail('dist/sales-sync.js is missing');
for (const file of distFiles.filter((f) => /^sales-(funnel|elements)(-.+)?\.js$/.test(f))) {
  const entry = `./${['sales-funnel-embed', 'sales-elements', 'sales-funnel'].find((e) => file.startsWith(e))}.js`;
  for (const specifier of importsOf(readFileSync(join(root, 'dist', file), 'utf8'))) {
    const sibling = /^\.\/(sales-(?:funnel|elements)-[\w-]+-[\w-]{8}\.js)$/.exec(specifier);
    if (specifier === entry || specifier === './sales-sync.js') continue;
    if (!sibling) fail(`dist/${file} imports ${specifier}: only hashed files beside it`);
    else if (!distFiles.includes(sibling[1])) fail(`dist/${file} imports ${specifier}: missing`);
  }
}

// Exactly the files that register an element, or import one that does, are named in
// `sideEffects`, so a bundler keeps them and drops every other file a page does not use.
const sideEffectFile = (path) =>
  pkg.sideEffects.some((pattern) =>
    new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`).test(`./${path}`),
  );
for (const file of readdirSync(join(root, 'dist/lib'), { recursive: true })) {
  if (!String(file).endsWith('.js')) continue;
  const path = `dist/lib/${file}`;
  const text = readFileSync(join(root, path), 'utf8');
  // A file importing one that registers (sales-funnel/server imports the main entry) registers.
  const defines =
    /customElements\.define\(/.test(text) ||
    importsOf(text, { bare: true }).some(
      (s) =>
        s.includes('/define/') ||
        sideEffectFile(posix.join('dist/lib', posix.dirname(String(file)), s)),
    );
  if (defines !== sideEffectFile(path)) {
    fail(
      `${path} ${defines ? 'registers an element but is not' : 'registers nothing but is'} in sideEffects`,
    );
  }
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
    checkManifestApi(manifest);
    checkAttributesAgainstReadme(manifest);
  } catch (e) {
    fail(`${pkg.customElements} is not valid JSON: ${e instanceof Error ? e.message : e}`);
  }
}

/**
 * The manifest is what tools generate code from: each module is a file the package ships, each
 * event has its type, and only public members are listed.
 */
function checkManifestApi(manifest) {
  for (const module of manifest.modules) {
    if (!existsSync(join(root, module.path))) fail(`manifest: ${module.path} is not shipped`);
    for (const d of module.declarations ?? []) {
      for (const e of d.events ?? []) {
        if (!e.type?.text) fail(`manifest: <${d.tagName}>'s ${e.name} event has no type`);
      }
      for (const m of d.members ?? []) {
        if (m.privacy && m.privacy !== 'public')
          fail(`manifest: ${d.name}.${m.name} is ${m.privacy}`);
      }
      if (d.customElement && !d.tagName) fail(`manifest: ${d.name} is an element without a tag`);
    }
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

/**
 * The module specifiers `code` imports, statically or with `import()`; with `bare`, only the
 * imports for their side effect (`import './x.js'`).
 */
function importsOf(code, { bare = false } = {}) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (node.type === 'ImportDeclaration' && (!bare || node.specifiers.length === 0)) {
      found.push(node.source.value);
    } else if (!bare && /^Export(Named|All)Declaration$/.test(node.type) && node.source) {
      found.push(node.source.value);
    } else if (!bare && node.type === 'ImportExpression') {
      const s = node.source;
      found.push(
        s.type === 'Literal' ? s.value : (s.quasis ?? []).map((q) => q.value.cooked).join('*'),
      );
    }
    for (const key of Object.keys(node)) if (key !== 'parent') visit(node[key]);
  };
  visit(parseAst(code));
  return found;
}

if (failures.length) {
  console.error('build check failed:');
  for (const f of failures) console.error(`- ${f}`);
  process.exit(1);
}
console.log(
  `build check: ${targets.size} package.json targets present, ${declarations.length} type entries ` +
    'type-check, script-tag files import only hashed siblings, sideEffects exact, pure entries run in Node, manifest has the 5 ' +
    "elements with exactly the attributes of README's table",
);
