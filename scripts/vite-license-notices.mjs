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

/**
 * V8's explicit compile hint (Chrome 136+): the functions of a file that starts with it are
 * compiled on the thread that streams it in, not one by one on the main thread the first time
 * each runs. For entries whose code mostly runs at once (a chart's first render).
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * @param {{ name: string, license: string }} self the package being built
 * @param {{ compileHints?: boolean }} [options] `compileHints`: entry chunks start with `COMPILE_HINT`
 */
export function licenseNotices(self, { compileHints = false } = {}) {
  const cache = new Map();
  return {
    name: 'license-notices',
    outputOptions(options) {
      return {
        ...options,
        comments: { legal: false, annotation: false, jsdoc: false },
        postBanner: (chunk) => {
          const hint = compileHints && chunk.isEntry ? COMPILE_HINT : '';
          const used = [
            ...new Set(chunk.moduleIds.map((id) => packageOf(id, cache)).filter(Boolean)),
          ];
          if (!used.length) return hint;
          // One entry per license and holder: "lit, lit-html: BSD-3-Clause, Google LLC".
          const groups = new Map();
          for (const p of used) {
            const key = `${p.license}, ${p.holder}`;
            groups.set(key, [...(groups.get(key) ?? []), p.name]);
          }
          const list = [...groups].map(([key, names]) => `${names.join(', ')}: ${key}`);
          const notice = `/*! ${self.name}: ${self.license}. Bundles ${list.join('; ')}. Texts: ${NOTICES} */`;
          return hint ? `${hint}\n${notice}` : notice;
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
