import { expect } from '@open-wc/testing';
import '../../src/elements/autoload.js';

const DB = 'autoload-test';

describe('autoload (dist/sales-elements.js)', () => {
  after(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(DB);
        request.onsuccess = request.onerror = request.onblocked = resolve;
      }),
  );

  it('registers an element the first time the page uses its tag, and no other', async () => {
    expect(customElements.get('sales-funnel')).to.equal(undefined);
    const funnel = document.createElement('sales-funnel');
    funnel.setAttribute('stages', '[{"name":"Leads","value":10},{"name":"Won","value":2}]');
    document.body.append(funnel);
    await customElements.whenDefined('sales-funnel');
    expect(customElements.get('sales-funnel')).to.not.equal(undefined);
    expect(customElements.get('sales-simulator')).to.equal(undefined);
    expect(customElements.get('sales-workspace')).to.equal(undefined);
    funnel.remove();
  });

  it('finds an element added inside another one', async () => {
    const wrapper = document.createElement('section');
    wrapper.innerHTML = `<div><sales-pipeline no-sample database=${DB}></sales-pipeline></div>`;
    document.body.append(wrapper);
    await customElements.whenDefined('sales-pipeline');
    expect(wrapper.querySelector('sales-pipeline')).to.be.instanceOf(
      customElements.get('sales-pipeline')!,
    );
    wrapper.remove();
  });
});
