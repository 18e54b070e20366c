import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import sinon from 'sinon';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import { createIdbRepository } from '../../../src/store/idb-repository.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { make, SCENARIO } from './fixtures.js';
import {
  byLabel,
  byRole,
  choose,
  columns,
  descriptionOf,
  focused,
  nameOf,
  queryByRole,
  spoken,
  textOf,
  typeInto,
} from './queries.js';

const withRepo = (repo: SalesRepository) => make({ repository: repo });

const centre = (node: Element): [number, number] => {
  const r = node.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
};

/** The saved-scenarios panel. */
const panel = (el: SalesSimulator) => byRole(el, 'region', 'Scenarios');
/** Its status line, as shown. */
const status = (el: SalesSimulator) =>
  textOf(panel(el).querySelector('[part~="status"], [part~="error"]'));
const listed = (el: SalesSimulator) => {
  const list = queryByRole(panel(el), 'list');
  return list ? textOf(list) : '';
};

async function saveAs(el: SalesSimulator, name: string, expectStatus = name) {
  await typeInto(el, byLabel(el, 'Name for this scenario'), name);
  byRole(el, 'button', 'Save').click();
  await waitUntil(() => status(el).includes(expectStatus), `not saved: ${status(el)}`);
  await el.updateComplete;
}

/** One task of the page: a message to itself, which fake timers leave alone. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/**
 * Lets the memory repository's promises, the renders and the store code loaded on first use
 * (a module fetched, which takes tasks, not microtasks) run, with no timer (fake ones may be on).
 */
async function until(el: SalesSimulator, done: () => unknown, what: string) {
  for (let i = 0; i < 10_000 && !done(); i++) {
    await Promise.resolve();
    if (i % 20 === 0) await el.updateComplete;
    if (i % 100 === 99) await nextTask();
  }
  if (!done()) throw new Error(what);
}

describe('<sales-simulator> saved scenarios', () => {
  async function roundTrip(repo: SalesRepository) {
    const el = await withRepo(repo);
    await saveAs(el, 'Plan A');
    const stored = await repo.listScenarios();
    expect(stored.map((s) => s.name)).to.deep.equal(['Plan A']);
    expect(stored[0].scenario.stages.map((s) => s.rate)).to.deep.equal([0.6, 0.5, 0.4]);
    expect(spoken(el)).to.equal('Saved “Plan A”.');

    // A later bad input does not touch what was saved, nor what a new save stores.
    await typeInto(el, byLabel(el, 'Leads per period'), '-3');
    await typeInto(el, byLabel(el, 'Contact: rate, exact %'), '80');
    await saveAs(el, 'Plan B');
    const b = (await repo.listScenarios()).find((s) => s.name === 'Plan B')!;
    expect(b.scenario.leads).to.equal(1000);
    expect(b.scenario.stages[0].rate).to.equal(0.8);

    // Open Plan A again.
    byRole(el, 'button', 'Open: Plan A').click();
    await el.updateComplete;
    expect(el.value.stages[0].rate).to.equal(0.6);

    // Rename Plan A.
    byRole(el, 'button', 'Rename: Plan A').click();
    await el.updateComplete;
    await typeInto(el, byLabel(el, 'New name for “Plan A”'), 'Plan A2');
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await repo.listScenarios()).some((s) => s.name === 'Plan A2'));

    // Compare the two side by side.
    await waitUntil(() => queryByRole(el, 'combobox', 'First'), 'no compare');
    const planB = (await repo.listScenarios()).find((s) => s.name === 'Plan B')!;
    choose(byRole(el, 'combobox', 'First'), planB.id);
    await el.updateComplete;
    const table = byRole(el, 'table', 'Compare two scenarios');
    expect(columns(table)).to.deep.equal(['Metric', 'Plan B', 'Current (unsaved)']);

    // Delete Plan B.
    byRole(el, 'button', 'Delete: Plan B').click();
    await waitUntil(async () => (await repo.listScenarios()).length === 1);
    await waitUntil(() => !listed(el).includes('Plan B'));
    expect(listed(el)).to.contain('Plan A2');
    // It was compared: the comparison falls back to the scenario in effect.
    expect(columns(byRole(el, 'table', 'Compare two scenarios'))).to.deep.equal([
      'Metric',
      'Current (unsaved)',
      'Current (unsaved)',
    ]);
  }

  it('saves, reloads, renames, compares and deletes (memory)', async () => {
    await roundTrip(createMemoryRepository());
  });

  it('saves, reloads, renames, compares and deletes (IndexedDB)', async () => {
    const name = `test-simulator-${Date.now().toString(36)}`;
    const repo = await createIdbRepository({ name });
    try {
      await roundTrip(repo);
    } finally {
      repo.close();
      await deleteDB(name);
    }
  });

  it('sets a saved scenario as the plan of its pipeline, stored with the pipeline', async () => {
    const repo = createMemoryRepository();
    await repo.ensurePipeline('team', { name: 'Team' });
    const el = await make({ repository: repo, pipeline: 'team' });
    await saveAs(el, 'Plan Q3');
    const [saved] = await repo.listScenarios();
    byRole(el, 'button', 'Set as plan: Plan Q3').click();
    await waitUntil(() => status(el).includes('plan'), `no status: ${status(el)}`);
    expect(status(el)).to.equal('“Plan Q3” is now the plan of pipeline “Team”.');
    expect((await repo.getPipeline('team'))!.plan).to.equal(saved.id);
    // Without a pipeline there is nothing to plan for: no such button.
    const plain = await withRepo(repo);
    expect(queryByRole(panel(plain), 'button', 'Set as plan: Plan Q3')).to.equal(null);
  });

  it('marks in words which saved scenario is the pipeline’s plan, and follows a plan set elsewhere', async () => {
    const repo = createMemoryRepository();
    await repo.ensurePipeline('team', { name: 'Team' });
    const el = await make({ repository: repo, pipeline: 'team' });
    await saveAs(el, 'Plan Q3');
    await saveAs(el, 'Plan Q4');
    const item = (name: string) =>
      [...panel(el).querySelectorAll('li')].find(
        (li) => li.querySelector('.saved-name')?.textContent === name,
      )!;
    expect(textOf(item('Plan Q3'))).not.to.include('Plan of pipeline');
    byRole(el, 'button', 'Set as plan: Plan Q3').click();
    await waitUntil(() => status(el).includes('plan'), `no status: ${status(el)}`);
    await el.updateComplete;
    // The mark is text beside the name (read with it), not a colour; the plan is not offered again,
    // and the focus stays on its row (not on a button further down).
    expect(textOf(item('Plan Q3'))).to.include('Plan Q3 Plan of pipeline “Team”');
    expect(nameOf(focused(el)!)).to.equal('Open: Plan Q3');
    expect(queryByRole(panel(el), 'button', 'Set as plan: Plan Q3')).to.equal(null);
    expect(textOf(item('Plan Q4'))).not.to.include('Plan of pipeline');
    expect(queryByRole(panel(el), 'button', 'Set as plan: Plan Q4')).to.not.equal(null);
    await expect(el).to.be.accessible();

    // Another element or tab makes the other one the plan: the mark follows without a reload.
    const q4 = (await repo.listScenarios()).find((x) => x.name === 'Plan Q4')!;
    await repo.updatePipeline('team', { plan: q4.id });
    await waitUntil(
      () => textOf(item('Plan Q4')).includes('Plan of pipeline “Team”'),
      'the mark did not follow the plan',
    );
    expect(textOf(item('Plan Q3'))).not.to.include('Plan of pipeline');
    expect(queryByRole(panel(el), 'button', 'Set as plan: Plan Q3')).to.not.equal(null);
  });

  it('names the field when the name to save under is empty, and stores nothing', async () => {
    const repo = createMemoryRepository();
    const el = await withRepo(repo);
    await typeInto(el, byLabel(el, 'Name for this scenario'), '   ');
    byRole(el, 'button', 'Save').click();
    await el.updateComplete;
    const field = byLabel(el, 'Name for this scenario');
    expect(descriptionOf(field)).to.equal(
      'Name for this scenario: enter a name of 1 to 80 characters.',
    );
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(await repo.listScenarios()).to.deep.equal([]);
  });

  it('gives focus back to the Rename button after Enter, Escape and Cancel', async () => {
    const repo = createMemoryRepository();
    const el = await withRepo(repo);
    await saveAs(el, 'Plan A');
    const active = () => nameOf(focused(el) ?? el);

    byRole(el, 'button', 'Rename: Plan A').click();
    await el.updateComplete;
    // The field opens with its name selected, ready to be typed over.
    const field = byLabel(el, 'New name for “Plan A”');
    expect(focused(el)).to.equal(field);
    expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, 'Plan A'.length]);
    await typeInto(el, field, 'Plan Z');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active() === 'Rename: Plan Z', `focus on ${active()}`);

    // Escape cancels: the form goes, the name stays, focus returns.
    byRole(el, 'button', 'Rename: Plan Z').click();
    await el.updateComplete;
    await typeInto(el, byLabel(el, 'New name for “Plan Z”'), 'Never');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => active() === 'Rename: Plan Z', `focus on ${active()}`);
    expect(queryByRole(el, 'textbox', 'New name for “Plan Z”')).to.equal(null);
    expect((await repo.listScenarios()).map((s) => s.name)).to.deep.equal(['Plan Z']);

    byRole(el, 'button', 'Rename: Plan Z').click();
    await el.updateComplete;
    byRole(el, 'button', 'Cancel').click();
    await waitUntil(() => active() === 'Rename: Plan Z', `focus on ${active()}`);
  });

  it('keeps the earlier version one Undo away when saving under an existing name', async () => {
    const repo: SalesRepository = createMemoryRepository();
    const el = await withRepo(repo);
    await saveAs(el, 'Plan A');
    await typeInto(el, byLabel(el, 'Contact: rate, exact %'), '80');
    await saveAs(el, 'Plan A', 'Replaced');
    const rate = async () => (await repo.listScenarios())[0].scenario.stages[0].rate;
    expect((await repo.listScenarios()).length).to.equal(1);
    expect(await rate()).to.equal(0.8);
    const undo = byRole(el, 'button', /^Undo replacing “Plan A”/);
    expect(nameOf(undo)).to.equal('Undo replacing “Plan A”: bring back its earlier version');
    undo.click();
    await waitUntil(async () => (await rate()) === 0.6, 'not restored');
    expect((await repo.listScenarios()).map((s) => s.name)).to.deep.equal(['Plan A']);
  });

  it('offers Undo after a deletion, announced and focused, which restores it as it was', async () => {
    const repo = createMemoryRepository();
    const saved = await repo.saveScenario({ name: 'Plan A', scenario: SCENARIO });
    const el = await withRepo(repo);
    expect(listed(el)).to.contain('Plan A');

    byRole(el, 'button', 'Delete: Plan A').click();
    await waitUntil(() => queryByRole(el, 'button', 'Undo deleting “Plan A”'), 'no undo');
    expect(await repo.listScenarios()).to.deep.equal([]);
    expect(status(el)).to.equal('Deleted “Plan A”.');
    expect(spoken(el)).to.equal('Deleted “Plan A”.');
    const undo = byRole(el, 'button', 'Undo deleting “Plan A”');
    expect(focused(el)).to.equal(undo);
    await expect(el).to.be.accessible();

    undo.click();
    await waitUntil(() => status(el) === 'Restored “Plan A”.', 'not restored');
    expect(spoken(el)).to.equal('Restored “Plan A”.');
    const back = await repo.listScenarios();
    expect(back).to.have.length(1);
    expect(back[0].id).to.equal(saved.id);
    expect(back[0].name).to.equal('Plan A');
    expect(back[0].scenario).to.deep.equal(saved.scenario);
    expect(queryByRole(el, 'button', 'Undo deleting “Plan A”')).to.equal(null);
    await waitUntil(() => listed(el).includes('Plan A'), 'not listed again');
    expect(nameOf(focused(el)!)).to.equal('Open: Plan A');
  });

  it('keeps Undo while it has the focus or the pointer, and stops offering it 10 s after both left', async () => {
    const repo = createMemoryRepository();
    await repo.saveScenario({ name: 'Plan A', scenario: SCENARIO });
    const el = await withRepo(repo);
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      byRole(el, 'button', 'Delete: Plan A').click();
      const undo = () => queryByRole(el, 'button', 'Undo deleting “Plan A”');
      await until(el, () => undo() && focused(el) === undo(), 'no undo');
      // WCAG 2.2.1: a person on the button has all the time they need.
      clock.tick(60_000);
      await el.updateComplete;
      expect(undo()).to.not.equal(null);
      // The focus leaves (to the field beside it): the 10 s start then.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(focused(el)).to.not.equal(undo());
      clock.tick(9_999);
      await el.updateComplete;
      expect(undo()).to.not.equal(null);
      // The pointer over it holds it too, and its leaving starts the full time again.
      const [x, y] = centre(undo()!);
      await sendMouse({ type: 'move', position: [x, y] });
      clock.tick(60_000);
      await el.updateComplete;
      expect(undo()).to.not.equal(null);
      await sendMouse({ type: 'move', position: [0, 0] });
      clock.tick(9_999);
      await el.updateComplete;
      expect(undo()).to.not.equal(null);
      clock.tick(1);
      await el.updateComplete;
      expect(undo()).to.equal(null);
      // The focus was elsewhere all along, on a control still shown.
      expect(focused(el)).to.not.equal(null);
      expect(focused(el)!.isConnected).to.equal(true);
      // Nothing came back.
      expect(await repo.listScenarios()).to.deep.equal([]);
    } finally {
      clock.restore();
      await resetMouse();
    }
  });

  it('says in place when storing fails, and keeps what was typed', async () => {
    const repo = createMemoryRepository();
    const failing: SalesRepository = Object.create(repo) as SalesRepository;
    failing.saveScenario = () => Promise.reject(new Error('Quota exceeded'));
    const el = await withRepo(failing);
    await typeInto(el, byLabel(el, 'Name for this scenario'), 'Plan A');
    byRole(el, 'button', 'Save').click();
    await waitUntil(() => status(el).includes('Quota exceeded'), status(el));
    expect(status(el)).to.equal('Could not store it: Quota exceeded');
    expect(panel(el).querySelector('[part~="error"]')).to.not.equal(null);
    expect(byLabel(el, 'Name for this scenario').value).to.equal('Plan A');
  });
});
