import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { allowRequests, blockRequests } from '../../network/client.js';
import { STAGES, root } from './helpers.js';

/**
 * The export's code loads on first use; when it does not arrive (offline, a chunk removed by a
 * deploy), the menu says so in the chart's words, and the next choice fetches it again. In a
 * file of its own: once loaded, a page keeps the module.
 */

const button = (el: SalesFunnel, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent!.trim() === name,
  )!;

describe('<sales-funnel> export when its code cannot load', () => {
  afterEach(async () => {
    sinon.restore();
    await allowRequests();
  });

  it('says so under the menu in the chart’s language, logs why, and a second try downloads', async () => {
    const logged = sinon.stub(console, 'error');
    const files: string[] = [];
    sinon.stub(URL, 'createObjectURL').returns('blob:caught');
    sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (this: HTMLAnchorElement) {
      files.push(this.download);
    });
    await blockRequests('*export-image*', { times: 1 });
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel exportable lang="es" .stages=${STAGES}></sales-funnel>`,
    );
    root(el).querySelector('details')!.open = true;
    button(el, 'Descargar SVG').click();
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'nothing was said');
    expect(root(el).querySelector('[role="alert"]')!.textContent!.trim()).to.equal(
      'Error al exportar; reintente.',
    );
    expect(logged.calledWithMatch('sales-funnel: export failed')).to.equal(true);
    expect(files).to.deep.equal([]);

    button(el, 'Descargar SVG').click();
    await waitUntil(() => files.length === 1, 'the second try did not download');
    expect(files[0]).to.match(/\.svg$/);
    await waitUntil(() => !root(el).querySelector('[role="alert"]'), 'the failure is still said');
  });
});
