import { expect } from '@open-wc/testing';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import {
  PIPELINE,
  THREE,
  board,
  boardWith,
  button,
  dialogOf,
  field,
  headings,
  memoryRepo,
  titlesIn,
} from './helpers.js';

const stageIds = async (repo: SalesRepository) =>
  (await repo.getPipeline(PIPELINE))!.stages.map((s) => s.id);

/** The stage editor's errors, shown in place. */
const editorErrors = (el: SalesPipeline) =>
  [...dialogOf(el).querySelectorAll('[part~="error"]')].map((e) => e.textContent!.trim());

async function openStageEditor(el: SalesPipeline): Promise<HTMLDialogElement> {
  button(el, 'Edit stages').click();
  await el.updateComplete;
  const dialog = dialogOf(el);
  expect(dialog.open).to.equal(true);
  return dialog;
}

describe('<sales-pipeline> stage editor', () => {
  it('adds a stage, refusing an empty name', async () => {
    const { repo, el } = await boardWith(THREE);
    const dialog = await openStageEditor(el);
    button(el, 'Add stage').click();
    await el.updateComplete;
    expect(editorErrors(el).join(' ')).to.include('New stage name');
    expect(await stageIds(repo)).to.deep.equal(['lead', 'offer', 'deal']);

    field(el, 'New stage name').value = 'Contract sent';
    button(el, 'Add stage').click();
    await el.updateComplete;
    expect(headings(el)).to.have.length(6);
    const stages = (await repo.getPipeline(PIPELINE))!.stages;
    expect(stages.map((s) => s.name)).to.deep.equal([
      'Lead',
      'Offer',
      'Negotiation',
      'Contract sent',
    ]);
    expect(headings(el)[3]).to.equal('Contract sent');
    // The editor stays open, lists the new stage and shows no error.
    expect(dialog.open).to.equal(true);
    expect(field(el, 'Name of stage 4').value).to.equal('Contract sent');
    expect(editorErrors(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('renames a stage, keeping its id and deals', async () => {
    const { repo, el } = await boardWith(THREE);
    await openStageEditor(el);
    const name = field(el, 'Name of stage 2');
    expect(name.value).to.equal('Offer');
    name.value = 'Proposal';
    name.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(headings(el)[1]).to.equal('Proposal');
    const offer = (await repo.getPipeline(PIPELINE))!.stages[1]!;
    expect(offer).to.include({ id: 'offer', name: 'Proposal' });
    expect(titlesIn(el, 'Proposal')).to.have.members(['Beta', 'Gamma']);
  });

  it('reorders stages with the arrow buttons', async () => {
    const { repo, el } = await boardWith(THREE);
    await openStageEditor(el);
    button(el, 'Move Lead right').click();
    await el.updateComplete;
    expect(await stageIds(repo)).to.deep.equal(['offer', 'lead', 'deal']);
    expect(headings(el)).to.deep.equal(['Offer', 'Lead', 'Negotiation', 'Won', 'Lost']);
    // The first stage cannot go further left, the last no further right.
    const left = button(el, 'Move Offer left');
    const right = button(el, 'Move Negotiation right');
    expect([left.disabled, right.disabled]).to.deep.equal([true, true]);
    button(el, 'Move Negotiation left').click();
    await el.updateComplete;
    expect(await stageIds(repo)).to.deep.equal(['offer', 'deal', 'lead']);
  });

  it('removes a stage after moving its deals, open and closed, to the stage chosen', async () => {
    const { repo, el } = await boardWith([
      ...THREE,
      { title: 'Delta', stageId: 'offer', outcome: 'won' },
    ]);
    const dialog = await openStageEditor(el);
    button(el, 'Remove Offer…').click();
    await el.updateComplete;
    // Beta, Gamma and the won Delta sit in Offer.
    expect(dialog.textContent).to.include('Move its 3 deals to');
    const select = field<HTMLSelectElement>(el, 'Move its 3 deals to');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Lead', 'Negotiation']);
    expect([...select.options].map((o) => o.value)).to.deep.equal(['lead', 'deal']);
    select.value = 'deal';
    button(el, 'Remove Offer').click();
    await el.updateComplete;
    expect(headings(el)).to.not.include('Offer');
    expect(await stageIds(repo)).to.deep.equal(['lead', 'deal']);
    const deals = await repo.listDeals(PIPELINE);
    const where = Object.fromEntries(deals.map((d) => [d.title, [d.stageId, d.outcome]]));
    expect(where).to.deep.equal({
      Alpha: ['lead', 'open'],
      Beta: ['deal', 'open'],
      Gamma: ['deal', 'open'],
      Delta: ['deal', 'won'],
    });
    const beta = deals.find((d) => d.title === 'Beta')!;
    const last = (await repo.listEvents(PIPELINE, { dealId: beta.id })).at(-1)!;
    expect(last).to.include({ kind: 'moved', from: 'offer', to: 'deal' });
    expect(titlesIn(el, 'Negotiation')).to.have.members(['Beta', 'Gamma']);
    expect(titlesIn(el, 'Won')).to.deep.equal(['Delta']);
  });

  it('cannot remove the last stage', async () => {
    const repo = memoryRepo();
    await repo.ensurePipeline(PIPELINE, { name: 'One', stages: [{ id: 'only', name: 'Only' }] });
    const el = await board(repo);
    const dialog = await openStageEditor(el);
    expect(button(el, 'Remove Only…').disabled).to.equal(true);
    expect(dialog.textContent).to.include('A pipeline needs at least one stage.');
  });
});
