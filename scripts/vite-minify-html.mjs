// A Vite plugin that takes the indentation out of Lit's html`…` and svg`…` tagged templates,
// which no bundler touches (to the minifier they are ordinary template strings). A line break
// followed by spaces or tabs becomes the line break alone: still whitespace, which HTML and SVG
// text collapse the same way (no template here renders into <pre>, a <textarea>'s text or a
// `white-space: pre` box), and every line stays where it was, so source maps hold. `${…}`
// interpolations are left as written, but the templates nested in them are treated the same.
// No Node APIs: the test suite imports `minifyHtmlTemplates` in the browser.
import { templatePieces } from './vite-minify-css.mjs';

/** Where templates may be written: source TypeScript and JavaScript, not dependencies. */
const FILES = /\/src\/.+\.[cm]?[jt]s$/;
/** `html` or `svg` as a whole identifier, right before a backtick. */
const TAG = /(?<![\w$.])(?:html|svg)\s*`/g;
/** A line break (not one escaped away) and the indentation after it. */
const INDENT = /(?<!\\)\n[ \t]+/g;

/**
 * `code` with the indentation of every html`…` and svg`…` template taken out, interpolations
 * untouched but for the templates in them; the same string when there is none (or a template
 * is not terminated: then nothing is changed).
 */
export function minifyHtmlTemplates(code) {
  let out = '';
  let last = 0;
  for (const match of code.matchAll(TAG)) {
    const start = match.index + match[0].length;
    if (start < last) continue; // inside a template already rewritten
    const pieces = templatePieces(code, start);
    if (!pieces) return code;
    out += code.slice(last, start);
    for (const [from, to, next] of pieces) {
      const between = code.slice(to, next);
      out += code.slice(from, to).replace(INDENT, '\n');
      out += between.length > 1 ? minifyHtmlTemplates(between) : between;
    }
    last = pieces.at(-1)[2];
  }
  return last === 0 ? code : out + code.slice(last);
}

/** The Vite (Rolldown) plugin. */
export function minifyHtml() {
  return {
    name: 'minify-html-templates',
    transform(code, id) {
      if (!FILES.test(id.split('?')[0]) || !/(?:html|svg)\s*`/.test(code)) return null;
      const minified = minifyHtmlTemplates(code);
      // Only spaces and tabs go, never a line: the module's lines, and its source map, hold.
      return minified === code ? null : { code: minified, map: null };
    },
  };
}
