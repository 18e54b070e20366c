import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import sinon from 'sinon';
import {
  ScenarioLibrary,
  UNDO_MS,
} from '../../../../src/elements/sales-simulator/controllers/scenario-library.js';
import { createMemoryRepository } from '../../../../src/store/memory-repository.js';
import type { SalesRepository } from '../../../../src/store/repository.js';
import { SCENARIO } from '../fixtures.js';

/** A bare host: the library's list task runs in its updates. */
class LibraryHost extends LitElement {
  repo?: SalesRepository;
  expired = 0;
  readonly library = new ScenarioLibrary(this, {
    repository: () => this.repo,
    ready: () => (this.repo ? Promise.resolve(this.repo) : Promise.reject(new Error('none'))),
    lang: () => 'en',
    onUndoExpired: () => this.expired++,
  });
}
customElements.define('test-library-host', LibraryHost);

async function host(repo?: SalesRepository) {
  const el = await fixture<LibraryHost>(html`<test-library-host></test-library-host>`);
  if (repo) {
    el.repo = repo;
    el.requestUpdate();
    await el.updateComplete;
    await el.library.list.taskComplete.catch(() => undefined);
  }
  return el;
}

const names = (el: LibraryHost) => el.library.items.map((s) => s.name);

describe('ScenarioLibrary', () => {
  it('lists the saved scenarios by name once the repository is there', async () => {
    const repo = createMemoryRepository();
    await repo.saveScenario({ name: 'b plan', scenario: SCENARIO });
    await repo.saveScenario({ name: 'Año', scenario: SCENARIO });
    const el = await host(repo);
    expect(names(el)).to.deep.equal(['Año', 'b plan']);
  });

  it('saves, replaces under the same name with an undo, renames and deletes, the list following', async () => {
    const repo = createMemoryRepository();
    const el = await host(repo);
    expect(await el.library.save('Plan', SCENARIO)).to.deep.equal({ ok: true, replaced: false });
    expect(names(el)).to.deep.equal(['Plan']);
    expect(el.library.undoable).to.equal(undefined);
    const first = el.library.items[0];
    expect(first.scenario.name).to.equal('Plan');

    const changed = { ...SCENARIO, leads: 5 };
    expect(await el.library.save('Plan', changed)).to.deep.equal({ ok: true, replaced: true });
    expect((await repo.listScenarios()).map((s) => s.scenario.leads)).to.deep.equal([5]);
    expect(el.library.undoable).to.deep.equal({ item: first, replaced: true });
    const undone = await el.library.undo();
    expect(undone!.ok).to.equal(true);
    expect((await repo.listScenarios())[0]).to.deep.include({ id: first.id, name: 'Plan' });
    expect((await repo.listScenarios())[0].scenario.leads).to.equal(SCENARIO.leads);

    expect(await el.library.rename(el.library.items[0], 'Plan Z')).to.deep.equal({ ok: true });
    expect(names(el)).to.deep.equal(['Plan Z']);
    const item = el.library.items[0];
    expect(await el.library.remove(item)).to.deep.equal({ ok: true });
    expect(names(el)).to.deep.equal([]);
    expect(el.library.undoable).to.deep.equal({ item, replaced: false });
    await el.library.undo();
    expect(names(el)).to.deep.equal(['Plan Z']);
    expect(await el.library.undo()).to.equal(undefined);
  });

  it('offers Undo for 10 seconds, then says it ran out', async () => {
    const repo = createMemoryRepository();
    await repo.saveScenario({ name: 'Plan', scenario: SCENARIO });
    const el = await host(repo);
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await el.library.remove(el.library.items[0]);
      expect(el.library.undoable).to.not.equal(undefined);
      clock.tick(UNDO_MS - 1);
      expect(el.library.undoable).to.not.equal(undefined);
      expect(el.expired).to.equal(0);
      clock.tick(1);
      expect(el.library.undoable).to.equal(undefined);
      expect(el.expired).to.equal(1);
      expect(await el.library.undo()).to.equal(undefined);
      expect(await repo.listScenarios()).to.deep.equal([]);
    } finally {
      clock.restore();
    }
  });

  it('says why an action failed, and stores nothing', async () => {
    const repo = createMemoryRepository();
    const failing: SalesRepository = Object.create(repo) as SalesRepository;
    failing.saveScenario = () => Promise.reject(new Error('Quota exceeded'));
    const el = await host(failing);
    expect(await el.library.save('Plan', SCENARIO)).to.deep.equal({
      ok: false,
      detail: 'Quota exceeded',
    });
    expect(await repo.listScenarios()).to.deep.equal([]);
    const none = await host();
    expect(await none.library.save('Plan', SCENARIO)).to.deep.equal({ ok: false, detail: 'none' });
  });

  it('says why the list could not be read', async () => {
    const repo = createMemoryRepository();
    const failing: SalesRepository = Object.create(repo) as SalesRepository;
    failing.listScenarios = () => Promise.reject(new Error('closed'));
    const el = await host(failing);
    expect(el.library.error).to.equal('closed');
    expect(el.library.items).to.deep.equal([]);
  });
});
