import { expect } from '@open-wc/testing';
import { minifyCssTemplates, minifyCssText } from '../../../scripts/vite-minify-css.mjs';
import { styles } from '../../../src/elements/sales-funnel/sales-funnel.styles.js';

/**
 * The style sheet as the browser reads it: every rule serialized. Values holding `var()` keep
 * their source text, where a space after a comma means nothing: that one is normalized.
 */
function parsed(cssText: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  return [...sheet.cssRules].map((r) => r.cssText.replace(/,\s+/g, ','));
}

const lines = (s: string) => s.split('\n').length;

describe('scripts/vite-minify-css.mjs', () => {
  it('collapses whitespace and strips comments, keeping the lines after the template', () => {
    const code = [
      'const a = css`',
      '  /* a comment',
      '     over two lines */',
      '  .a ,  .b   {',
      '    margin :  0   auto ;',
      '  }',
      '`;',
      'const after = 1;',
    ].join('\n');
    const out = minifyCssTemplates(code);
    expect(out).to.equal(
      `const a = css\`.a,.b{margin :0 auto}\`${'\n'.repeat(6)};\nconst after = 1;`,
    );
    expect(lines(out)).to.equal(lines(code));
  });

  it('leaves interpolations exactly as written, braces, strings and templates in them too', () => {
    const expr = "${cond ? `x } ${'{'}` : '}' /* } */}";
    const code = `css\`a  {  border: ${expr}  solid;  color:\${c}; }\``;
    const out = minifyCssTemplates(code);
    expect(out).to.equal(`css\`a{border:${expr} solid;color:\${c}}\``);
  });

  it('keeps the space that separates an interpolation from the next value', () => {
    expect(minifyCssTemplates('css`a { border: ${w}   ${s} red; }`')).to.equal(
      'css`a{border:${w} ${s} red}`',
    );
  });

  it('keeps CSS strings, escapes and descendant pseudo-classes intact', () => {
    // As source text: an escaped backtick inside a CSS string, an escaped backslash before spaces.
    const code =
      'css`.a  :hover::after { content: \'  /* no */  \\`  \'; quotes: "a  b" "c"; } .x\\\\  y { }`';
    expect(minifyCssTemplates(code)).to.equal(
      'css`.a :hover::after{content:\'  /* no */  \\`  \';quotes:"a  b" "c"}.x\\\\ y{}`',
    );
  });

  it('drops the space after a colon and the last semicolon of a block, not a space before a colon', () => {
    const code = [
      'css`@media (min-width:  600px) {',
      '  .a  :is(.b) { color:',
      '    red; }',
      '}',
      ".c::before { content: 'x;' ; }",
      '.d { --e:  1 ;  --f: \\; }`',
    ].join('\n');
    expect(minifyCssTemplates(code)).to.equal(
      "css`@media (min-width:600px){.a :is(.b){color:red}}.c::before{content:'x;'}.d{--e:1;--f:\\;}`\n\n\n\n\n",
    );
    const out = minifyCssTemplates(code).slice(4, -6);
    expect(parsed(out)).to.deep.equal(parsed(code.slice(4, -1)));
  });

  it('touches only css`` templates, and nothing when one is not terminated', () => {
    const other = 'const h = html`<p>  a  </p>`; const m = mycss`  a  `; x.css`  b  `;';
    expect(minifyCssTemplates(other)).to.equal(other);
    const open = 'const a = css`  .a { }  ';
    expect(minifyCssTemplates(open)).to.equal(open);
    expect(minifyCssTemplates('css`a { }` + css `b { }`')).to.equal('css`a{}` + css `b{}`');
  });

  it('keeps the meaning of a realistic style sheet', () => {
    const sheet = `
      :host { display: block; }
      /* themes */
      @media (prefers-color-scheme: dark) {
        :host(:not([theme='light'])) .base { --_bg: var(--x, #111827); }
      }
      .band {
        fill: color-mix(in oklab, var(--_start) calc((1 - var(--_t, 0)) * 100%), var(--_end));
        transition: d 300ms ease , fill 300ms ease;
      }
      .a > .b + .c ~ .d :focus-visible { outline: 2px solid var(--_focus) !important; }
      @media (prefers-reduced-motion: reduce) { .band { transition: none; } }
    `;
    const out = minifyCssText(sheet);
    expect(out.length).to.be.lessThan(sheet.length * 0.8);
    expect(parsed(out)).to.deep.equal(parsed(sheet));
    expect(parsed(out)).to.have.length(5);
  });

  it("keeps the meaning of <sales-funnel>'s own style sheet", () => {
    const css = styles.cssText;
    const out = minifyCssText(css);
    expect(out.length).to.be.lessThan(css.length);
    expect(parsed(out)).to.deep.equal(parsed(css));
    expect(parsed(out).length).to.be.greaterThan(10);
  });
});
