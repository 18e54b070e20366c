// A Vite plugin that minifies the CSS inside Lit's css`…` tagged templates, which no bundler
// touches (to the minifier they are ordinary template strings): comments go, runs of whitespace
// become one space, and the spaces next to `{`, `}`, `;` and `,` go. `${…}` interpolations are
// left exactly as written, and so is everything inside CSS strings ('…', "…").
// The CSS ends up on one line; the line breaks it held are put back right after the closing
// backtick (as JavaScript whitespace), so the code after a template keeps its lines and the
// module's source map holds.
// No Node APIs: the test suite imports `minifyCssTemplates` in the browser.

/** Where `css` tags may be used: source TypeScript and JavaScript, not dependencies. */
const FILES = /\/src\/.+\.[cm]?[jt]s$/;
/** `css` as a whole identifier, right before a backtick. */
const TAG = /(?<![\w$.])css\s*`/g;

/**
 * The index just past the `${…}` interpolation whose body starts at `i` (after the `${`), or
 * -1 when the code ends first. Skips strings, nested templates and comments, so braces in them
 * do not count.
 */
function skipInterpolation(code, i) {
  let depth = 1;
  while (i < code.length) {
    const c = code[i];
    if (c === '{') depth += 1;
    else if (c === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    } else if (c === "'" || c === '"') {
      i = skipString(code, i);
      continue;
    } else if (c === '`') {
      i = skipTemplate(code, i + 1);
      if (i < 0) return -1;
      continue;
    } else if (code.startsWith('//', i)) {
      const end = code.indexOf('\n', i);
      i = end < 0 ? code.length : end;
      continue;
    } else if (code.startsWith('/*', i)) {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
      continue;
    }
    i += 1;
  }
  return -1;
}

/** The index just past the quoted string (JS or CSS) that opens at `i`. */
function skipString(code, i) {
  const quote = code[i];
  for (i += 1; i < code.length; i += 1) {
    if (code[i] === '\\') i += 1;
    else if (code[i] === quote || code[i] === '\n') return i + 1;
  }
  return code.length;
}

/** The index just past a template literal whose body starts at `i`, or -1 if unterminated. */
function skipTemplate(code, i) {
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') i += 2;
    else if (c === '`') return i + 1;
    else if (c === '$' && code[i + 1] === '{') {
      i = skipInterpolation(code, i + 2);
      if (i < 0) return -1;
    } else i += 1;
  }
  return -1;
}

/**
 * The text pieces of the template literal whose text starts at `start`: `[from, to, next]`, its
 * text from `from` to `to`, then an interpolation (or the closing backtick) up to `next`;
 * `undefined` when the template is not terminated.
 */
export function templatePieces(code, start) {
  const pieces = [];
  let i = start;
  let piece = start;
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') i += 2;
    else if (c === '`') {
      pieces.push([piece, i, i + 1]);
      return pieces;
    } else if (c === '$' && code[i + 1] === '{') {
      const end = skipInterpolation(code, i + 2);
      if (end < 0) return undefined;
      pieces.push([piece, i, end]);
      i = piece = end;
    } else i += 1;
  }
  return undefined;
}

/**
 * Minifies one static piece of a css`` template (source text, escapes included). Comments
 * become nothing; whitespace runs become one space, or one line break if they held any, and
 * nothing at all beside `{ } ; ,` or after a `:` (a break is kept there too, to keep the
 * lines). Before a `:` a space stays: `.label :is(…)` is a descendant, `.label:is(…)` is not.
 */
export function minifyCssText(text) {
  let out = '';
  let i = 0;
  /** A pending whitespace run: '' none, ' ' spaces, '\n' spaces with a line break. */
  let gap = '';
  const tight = (c) => c === '{' || c === '}' || c === ';' || c === ',';
  /** After `:` (`color: red`, `(min-width: 600px)`) a space never counts. */
  const tightBefore = (c) => tight(c) || c === ':';
  const flush = (next) => {
    // At the start of a piece the space may follow an interpolation: `${width} solid`.
    if (gap === '\n' || (gap === ' ' && !tightBefore(out.at(-1)) && !tight(next))) out += gap;
    gap = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const comment = end < 0 ? text.slice(i) : text.slice(i, end + 2);
      // The comment separates what is around it, and its line breaks are kept.
      const breaks = comment.split('\n').length - 1;
      if (breaks > 0) {
        flush('\n');
        out += '\n'.repeat(breaks);
      } else if (gap === '') gap = ' ';
      i += comment.length;
      continue;
    }
    if (/\s/.test(c)) {
      if (c === '\n') {
        // Every break counts, so the lines do not move.
        if (gap === '\n') out += '\n';
        gap = '\n';
      } else if (gap === '') gap = ' ';
      i += 1;
      continue;
    }
    flush(c);
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
    } else if (c === "'" || c === '"') {
      const end = skipString(text, i);
      out += text.slice(i, end);
      i = end;
    } else {
      // The last declaration of a block needs no `;` (an escaped `\;` is not one); the line
      // breaks after it stay.
      if (c === '}') {
        let end = out.length;
        while (out[end - 1] === '\n') end -= 1;
        if (out[end - 1] === ';' && out[end - 2] !== '\\')
          out = out.slice(0, end - 1) + out.slice(end);
      }
      out += c;
      i += 1;
    }
  }
  // Trailing whitespace before an interpolation or the closing backtick still separates.
  if (gap === '\n' || (gap === ' ' && !tightBefore(out.at(-1)))) out += gap;
  return out;
}

/**
 * A minified piece on one line, and how many line breaks it lost: a break beside `{ } ; ,` goes,
 * any other becomes a space (it may separate values, or a value from an interpolation).
 */
function oneLine(text, opensTemplate, closesTemplate) {
  let count = 0;
  const joined = text.replace(/\n+/g, (run, at) => {
    count += run.length;
    const before = text[at - 1];
    const after = text[at + run.length];
    const tight = (c) => c === '{' || c === '}' || c === ';' || c === ',';
    // At an end of the template nothing is separated; beside an interpolation, keep a space.
    const edge = (before === undefined && opensTemplate) || (after === undefined && closesTemplate);
    const inner = before !== undefined && after !== undefined;
    return edge || (inner && (tight(before) || before === ':' || tight(after))) ? '' : ' ';
  });
  return [joined, count];
}

/**
 * `code` with the CSS of every css`…` template minified, interpolations untouched; the same
 * string when there is none (or a template is not terminated: then nothing is changed).
 */
export function minifyCssTemplates(code) {
  let out = '';
  let last = 0;
  for (const match of code.matchAll(TAG)) {
    const start = match.index + match[0].length;
    if (start < last) continue; // inside a template already rewritten
    const pieces = templatePieces(code, start);
    if (!pieces) return code;
    out += code.slice(last, start);
    let breaks = 0;
    for (const [k, [from, to, next]] of pieces.entries()) {
      const [text, count] = oneLine(
        minifyCssText(code.slice(from, to)),
        k === 0,
        k === pieces.length - 1,
      );
      breaks += count;
      out += text + code.slice(to, next);
    }
    out += '\n'.repeat(breaks);
    last = pieces.at(-1)[2];
  }
  return last === 0 ? code : out + code.slice(last);
}

/** The Vite (Rolldown) plugin. */
export function minifyCss() {
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      if (!FILES.test(id.split('?')[0]) || !code.includes('css')) return null;
      const minified = minifyCssTemplates(code);
      // Line breaks move behind each template, so the code around it keeps its lines.
      return minified === code ? null : { code: minified, map: null };
    },
  };
}
