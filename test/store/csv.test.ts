import { expect } from '@open-wc/testing';
import {
  detectDelimiter,
  formatCsv,
  formatField,
  parseCsv,
  protectCell,
  unprotectCell,
} from '../../src/store/csv.js';

describe('store csv', () => {
  it('parses quoted fields with escaped quotes, delimiters and line breaks inside', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line 1\r\nline 2"\r\nplain,,end\r\n';
    expect(parseCsv(text).rows).to.deep.equal([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line 1\r\nline 2'],
      ['plain', '', 'end'],
    ]);
  });

  it('handles LF, CR, a UTF-8 BOM, blank lines and a missing final newline', () => {
    expect(parseCsv('\uFEFFh1,h2\nv1,v2\n\nv3,v4').rows).to.deep.equal([
      ['h1', 'h2'],
      ['v1', 'v2'],
      ['v3', 'v4'],
    ]);
    expect(parseCsv('a\rb').rows).to.deep.equal([['a'], ['b']]);
  });

  it('keeps trailing empty fields and a quote inside an unquoted field', () => {
    expect(parseCsv('a,b,\n5" screen,x,').rows).to.deep.equal([
      ['a', 'b', ''],
      ['5" screen', 'x', ''],
    ]);
  });

  it('runs an unclosed quote to the end instead of losing it', () => {
    expect(parseCsv('a,"open\nstill').rows).to.deep.equal([['a', 'open\nstill']]);
  });

  it('detects ; (Spanish Excel) and , from the header, ignoring quoted ones', () => {
    expect(detectDelimiter('Título;Importe;Etapa\n"a,b";1,5;x')).to.equal(';');
    expect(detectDelimiter('"a;b;c",d\n')).to.equal(',');
    expect(parseCsv('Título;Importe\n"Acme; S.L.";1.234,50').rows).to.deep.equal([
      ['Título', 'Importe'],
      ['Acme; S.L.', '1.234,50'],
    ]);
  });

  it('neutralises formula-like text, and undoes it on reading', () => {
    for (const danger of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\t=1']) {
      expect(protectCell(danger)).to.equal(`'${danger}`);
      expect(unprotectCell(protectCell(danger))).to.equal(danger);
    }
    expect(protectCell('Acme')).to.equal('Acme');
    expect(unprotectCell("'quoted")).to.equal("'quoted");
  });

  it('protects text that starts with a quote, so reading it back keeps the person’s own quote', () => {
    for (const own of ["'=x", "'-5", "'quoted", "''"]) {
      expect(protectCell(own)).to.equal(`'${own}`);
      expect(unprotectCell(protectCell(own))).to.equal(own);
    }
  });

  it('quotes only what needs it and round-trips through parse', () => {
    expect(formatField('plain')).to.equal('plain');
    expect(formatField('a,b')).to.equal('"a,b"');
    expect(formatField('a;b', ';')).to.equal('"a;b"');
    expect(formatField(' pad')).to.equal('" pad"');
    const rows = [
      ['t', 'n'],
      ['He said "no", then\nleft', 12.5],
      ['=cmd|calc', -3],
    ];
    const text = formatCsv(rows);
    expect(text).to.equal('t,n\r\n"He said ""no"", then\nleft",12.5\r\n\'=cmd|calc,-3\r\n');
    expect(parseCsv(text).rows).to.deep.equal([
      ['t', 'n'],
      ['He said "no", then\nleft', '12.5'],
      ["'=cmd|calc", '-3'],
    ]);
  });
});
