import { ContextProvider } from '@lit/context';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../../src/elements/sales-funnel/define.js';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import {
  repositoryContext,
  type RepositorySource,
} from '../../../src/elements/controllers/repository-context.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';

/** A page's own ancestor element providing where the data lives, as any host may. */
class DataScope extends LitElement {
  static override properties = { source: { attribute: false } };
  source?: RepositorySource;
  private readonly provider = new ContextProvider(this, { context: repositoryContext });
  override willUpdate() {
    this.provider.setValue(this.source);
  }
  override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('test-data-scope', DataScope);

async function withDeals(title: string, count: number): Promise<SalesRepository> {
  const repo = createMemoryRepository();
  await repo.createPipeline({ id: 'p', name: title, stages: [{ id: 's', name: title }] });
  for (let i = 0; i < count; i++) await repo.createDeal('p', { title: `${title} ${i}` });
  return repo;
}

const firstRow = (el: SalesFunnel) =>
  [...(el.shadowRoot!.querySelector('tbody tr')?.children ?? [])]
    .slice(0, 2)
    .map((c) => c.textContent!.trim());

describe('repositoryContext', () => {
  it('gives elements under a provider its repository, and follows a new one', async () => {
    const first = await withDeals('First', 2);
    const second = await withDeals('Second', 3);
    const scope = await fixture<DataScope>(
      html`<test-data-scope .source=${{ repository: first }}>
        <sales-funnel lang="en" pipeline="p"></sales-funnel>
      </test-data-scope>`,
    );
    const funnel = scope.querySelector('sales-funnel')!;
    await waitUntil(() => firstRow(funnel).join() === 'First,2', JSON.stringify(firstRow(funnel)));
    scope.source = { repository: second };
    await waitUntil(() => firstRow(funnel).join() === 'Second,3', JSON.stringify(firstRow(funnel)));
  });

  it("loses to the element's own repository property", async () => {
    const provided = await withDeals('Provided', 1);
    const own = await withDeals('Own', 4);
    const scope = await fixture<DataScope>(
      html`<test-data-scope .source=${{ repository: provided }}>
        <sales-funnel lang="en" pipeline="p" .repository=${own}></sales-funnel>
      </test-data-scope>`,
    );
    const funnel = scope.querySelector('sales-funnel')!;
    await waitUntil(() => firstRow(funnel).join() === 'Own,4', JSON.stringify(firstRow(funnel)));
    expect(funnel.shadowRoot!.textContent).to.not.include('Provided');
  });
});
