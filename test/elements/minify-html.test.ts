import { expect } from '@open-wc/testing';
import { minifyHtmlTemplates } from '../../scripts/vite-minify-html.mjs';

const lines = (s: string) => s.split('\n').length;

describe('scripts/vite-minify-html.mjs', () => {
  it('takes the indentation out of html`` and svg`` templates, keeping every line', () => {
    const code = [
      'const a = html`',
      '  <p class="x">',
      '    text',
      '  </p>`;',
      'const b = svg`<g>\n\t<line></line>\n</g>`;',
      'const after = 1;',
    ].join('\n');
    const out = minifyHtmlTemplates(code);
    expect(out).to.equal(
      [
        'const a = html`',
        '<p class="x">',
        'text',
        '</p>`;',
        'const b = svg`<g>\n<line></line>\n</g>`;',
        'const after = 1;',
      ].join('\n'),
    );
    expect(lines(out)).to.equal(lines(code));
  });

  it('leaves interpolations as written, but treats the templates nested in them the same', () => {
    const code =
      'html`<ul>\n  ${items.map((i) => html`<li>\n    ${i.name}\n  </li>`)}\n  ${"  keep\\n  "}\n</ul>`';
    expect(minifyHtmlTemplates(code)).to.equal(
      'html`<ul>\n${items.map((i) => html`<li>\n${i.name}\n</li>`)}\n${"  keep\\n  "}\n</ul>`',
    );
  });

  it('leaves other templates, css`` included, and an escaped line break alone', () => {
    const code = 'const s = `a\n  b`;\nconst c = css`\n  .a {}\n`;\nconst h = html`a\\\n  b`;';
    expect(minifyHtmlTemplates(code)).to.equal(code);
  });

  it('renders the same text once the browser collapses whitespace', () => {
    const source = '<p>\n      Two\n      words\n    </p>';
    const shown = (markup: string) => {
      const div = document.createElement('div');
      div.innerHTML = markup;
      document.body.append(div);
      const text = div.innerText;
      div.remove();
      return text;
    };
    const minified = minifyHtmlTemplates(`html\`${source}\``).slice(5, -1);
    expect(minified).to.equal('<p>\nTwo\nwords\n</p>');
    expect(shown(minified)).to.equal(shown(source));
  });
});
