import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { SalesErrorEvent } from '../../../src/elements/events.js';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { root } from './helpers.js';

// Exports under a page policy of `default-src 'self'` (no data: or blob: images), with stage
// names that hold lone surrogates: the PNG is drawn, the menu downloads it, and when the
// browser cannot make the image the menu says so in words.

const violations: string[] = [];

before(() => {
  document.addEventListener('securitypolicyviolation', (e) =>
    violations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
  const policy = document.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = "default-src 'self'";
  document.head.append(policy);
});

afterEach(() => sinon.restore());

const STAGES = [
  { name: 'Leads \ud800', value: 1000 },
  { name: '\udc00 Qualified', value: 400 },
  { name: 'Won 😀', value: 90 },
];

const button = (el: SalesFunnel, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent!.trim() === name,
  )!;

/** The blobs offered for download (an object URL clicked through an `<a download>`). */
function catchDownloads(): { name: string; blob: Blob }[] {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  sinon.stub(URL, 'createObjectURL').callsFake((blob: Blob | MediaSource) => {
    const url = `blob:caught-${blobs.size + 1}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return files;
}

/** How many pixels of the image differ from its top-left (background) pixel. */
async function drawnPixels(png: Blob): Promise<{ width: number; height: number; drawn: number }> {
  const bitmap = await createImageBitmap(png);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  let drawn = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) drawn += 1;
  }
  return { width: bitmap.width, height: bitmap.height, drawn };
}

describe("<sales-funnel> export under default-src 'self'", () => {
  it('the page’s policy is in force: a data: image is refused', async () => {
    const img = new Image();
    img.src = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E';
    let refused = false;
    await img.decode().catch(() => (refused = true));
    expect(refused).to.equal(true);
    await waitUntil(() => violations.length > 0);
    violations.length = 0;
  });

  it('toPNG() resolves to a PNG of the chart for stage names with lone surrogates, with no policy violation', async () => {
    const el = await fixture<SalesFunnel>(html`<sales-funnel .stages=${STAGES}></sales-funnel>`);
    const png = await el.toPNG(2);
    expect(png.type).to.equal('image/png');
    const chart = root(el).querySelector('svg')!;
    const image = await drawnPixels(png);
    expect([image.width, image.height]).to.deep.equal([
      Math.round(chart.width.baseVal.value * 2),
      Math.round(chart.height.baseVal.value * 2),
    ]);
    // The bands cover a good part of the image; a blank canvas has no pixel drawn.
    expect(image.drawn).to.be.greaterThan((image.width * image.height) / 10);
    const svg = await el.toSVG();
    expect(svg).to.contain('Leads \ufffd');
    expect(svg).to.contain('\ufffd Qualified');
    expect(svg).to.contain('Won 😀');
    expect(violations).to.deep.equal([]);
  });

  it('the export menu downloads the PNG and the SVG', async () => {
    const files = catchDownloads();
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel exportable lang="en" .stages=${STAGES}></sales-funnel>`,
    );
    button(el, 'Download PNG').click();
    await waitUntil(() => files.length === 1);
    button(el, 'Download SVG').click();
    await waitUntil(() => files.length === 2);
    expect(files.map((f) => [f.name, f.blob.type])).to.deep.equal([
      ['sales-funnel.png', 'image/png'],
      ['sales-funnel.svg', 'image/svg+xml'],
    ]);
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    expect(violations).to.deep.equal([]);
  });

  it('says in the menu, in the chart’s language, why the PNG did not download, and offers the SVG', async () => {
    const files = catchDownloads();
    sinon.stub(HTMLCanvasElement.prototype, 'getContext').returns(null);
    sinon.stub(console, 'error');
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel exportable lang="es" .stages=${STAGES}></sales-funnel>`,
    );
    const errors: SalesErrorEvent['detail'][] = [];
    el.addEventListener('error', (e) => errors.push((e as SalesErrorEvent).detail));
    let unhandled = 0;
    const count = () => (unhandled += 1);
    window.addEventListener('unhandledrejection', count);
    button(el, 'Descargar PNG').click();
    await waitUntil(() => root(el).querySelector('[role="alert"]'));
    window.removeEventListener('unhandledrejection', count);
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.equal(
      'No se pudo crear la imagen PNG en este navegador; descargue el SVG en su lugar.',
    );
    expect(files).to.deep.equal([]);
    expect(unhandled).to.equal(0);
    expect(errors.map((d) => [d.field, d.message, d.cause])).to.deep.equal([
      [
        'export',
        'No se pudo crear la imagen PNG en este navegador; descargue el SVG en su lugar.',
        'Error: no 2D canvas',
      ],
    ]);
    await el.toPNG().then(
      () => expect.fail('toPNG resolved without a canvas'),
      (e: Error) => expect(e.name).to.equal('ExportError'),
    );
    button(el, 'Descargar SVG').click();
    await waitUntil(() => files.length === 1);
    await el.updateComplete;
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('says a plain “could not export” in the chart’s language for any other failure, the browser’s words only in the console and the error event', async () => {
    const failure = new TypeError(
      "Failed to execute 'createObjectURL' on 'URL': Overload resolution failed.",
    );
    sinon.stub(URL, 'createObjectURL').throws(failure);
    const logged = sinon.stub(console, 'error');
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel exportable lang="es" .stages=${STAGES}></sales-funnel>`,
    );
    const errors: SalesErrorEvent['detail'][] = [];
    el.addEventListener('error', (e) => errors.push((e as SalesErrorEvent).detail));
    button(el, 'Descargar SVG').click();
    await waitUntil(() => root(el).querySelector('[role="alert"]'));
    const said =
      'No se pudo exportar el gráfico en este navegador. Pruebe Descargar SVG, o recargue la página y vuelva a intentarlo.';
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.equal(said);
    expect(errors).to.deep.equal([
      { field: 'export', message: said, cause: `TypeError: ${failure.message}` },
    ]);
    expect(logged.calledWith('sales-funnel: export failed', failure)).to.equal(true);
  });
});
