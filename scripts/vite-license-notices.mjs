// Keeps the license notices of the code a script-tag file bundles: each file starts with one
// short comment naming its bundled packages, their licenses and copyright holders, and the
// build writes their full license texts beside the files (THIRD-PARTY-LICENSES.txt). Lit's
// own `@license` comments, repeated per module, are dropped for that one line. It also writes
// each entry's Subresource Integrity hash (`<entry>.js.sri`) for the README's CDN snippet.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NOTICES = 'THIRD-PARTY-LICENSES.txt';

/** The package of a module id in node_modules, with its license and the copyright line. */
function packageOf(id, cache) {
  const match = /^(.*\/node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(id);
  if (!match) return undefined;
  const [, dir, name] = match;
  if (!cache.has(name)) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].find((f) => existsSync(join(dir, f)));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `${pkg.license}`;
    const holder = (/Copyright[^\n]*/i.exec(text)?.[0] ?? '')
      .replace(/^Copyright\s*(\(c\)|©)?\s*[\d\s,-]*/i, '')
      .replace(/\.?\s*All rights reserved\.?/i, '')
      .trim();
    cache.set(name, { name, version: pkg.version, license: pkg.license, holder, text });
  }
  return cache.get(name);
}

/** @param {{ name: string, license: string }} self the package being built */
export function licenseNotices(self) {
  const cache = new Map();
  return {
    name: 'license-notices',
    outputOptions(options) {
      return {
        ...options,
        comments: { legal: false, annotation: false, jsdoc: false },
        postBanner: (chunk) => {
          const used = [
            ...new Set(chunk.moduleIds.map((id) => packageOf(id, cache)).filter(Boolean)),
          ];
          if (!used.length) return '';
          // One entry per license and holder: "lit, lit-html: BSD-3-Clause, Google LLC".
          const groups = new Map();
          for (const p of used) {
            const key = `${p.license}, ${p.holder}`;
            groups.set(key, [...(groups.get(key) ?? []), p.name]);
          }
          const list = [...groups].map(([key, names]) => `${names.join(', ')}: ${key}`);
          return `/*! ${self.name}: ${self.license}. Bundles ${list.join('; ')}. Texts: ${NOTICES} */`;
        },
      };
    },
    generateBundle() {
      const all = [...cache.values()].sort((a, b) => a.name.localeCompare(b.name));
      const source = all
        .map((p) => `${p.name} ${p.version} (${p.license})\n\n${p.text}\n`)
        .join(`\n${'-'.repeat(72)}\n\n`);
      this.emitFile({ type: 'asset', fileName: NOTICES, source });
    },
    writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const path = join(options.dir, chunk.fileName);
        const hash = createHash('sha384').update(readFileSync(path)).digest('base64');
        writeFileSync(`${path}.sri`, `sha384-${hash}\n`);
      }
    },
  };
}
