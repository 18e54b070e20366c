import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { STAGES, root } from './helpers.js';

/**
 * The export's code loads on first use; when it never arrives (offline, a chunk removed by a
 * deploy), the menu says so. In a file of its own: once loaded, a page keeps the module.
 */

const block = (patterns: string[]) => executeServerCommand('block-requests', { patterns });

describe('<sales-funnel> export when its code cannot load', () => {
  afterEach(async () => {
    sinon.restore();
    await block([]);
  });

  it('says under the menu that the download failed, with the browser’s reason, and logs it', async () => {
    const logged = sinon.stub(console, 'error');
    await block(['*export-image*']);
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel exportable lang="es" .stages=${STAGES}></sales-funnel>`,
    );
    root(el).querySelector('details')!.open = true;
    const download = [...root(el).querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Descargar SVG',
    )!;
    download.click();
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'nothing was said');
    const said = root(el).querySelector('[role="alert"]')!.textContent!;
    expect(said).to.match(/^Exportar: \S/);
    expect(said).to.include('export-image');
    expect(logged.calledWithMatch('sales-funnel: export failed')).to.equal(true);
  });
});
