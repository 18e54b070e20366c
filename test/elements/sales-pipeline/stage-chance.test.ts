import { expect } from '@open-wc/testing';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { PIPELINE, THREE, boardWith, button, dialogOf, field, root, totalsOf } from './helpers.js';

// A stage's chance to win, typed in the stage editor in the board's language: its reading shown
// live beside the field, stored only when the text means one number from 0 to 100, and a
// refusal that says what is wrong and how to write it.

const stored = async (repo: SalesRepository, stageId: string) =>
  (await repo.getPipeline(PIPELINE))!.stages.find((s) => s.id === stageId)!.probability;

async function openStageEditor(el: SalesPipeline): Promise<void> {
  button(el, el.lang === 'es' ? 'Editar etapas' : 'Edit stages').click();
  await el.updateComplete;
  expect(dialogOf(el).open).to.equal(true);
}

/** Types `text` into the field (one input event), then, with `commit`, leaves it (change). */
async function type(el: SalesPipeline, input: HTMLInputElement, text: string, commit = false) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  if (commit) input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** What is shown beside the field: its live reading, and the message under it, if any. */
function shown(el: SalesPipeline, input: HTMLInputElement) {
  const [readsId, errorId] = input.getAttribute('aria-describedby')!.split(' ');
  const text = (id: string) =>
    root(el).getElementById(id!)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return {
    reads: text(readsId!),
    error: text(errorId!),
    invalid: input.getAttribute('aria-invalid'),
  };
}

describe('<sales-pipeline> stage editor: chance to win', () => {
  it('reads English input live, refuses "12,5k" saying why, and stores "1,5" as 1.5 %', async () => {
    const { repo, el } = await boardWith(THREE, 'en');
    await openStageEditor(el);
    const offer = field(el, 'Chance to win from Offer (%)');
    expect(offer.value).to.equal('50');
    expect(shown(el, offer)).to.deep.equal({ reads: '= 50 %', error: '', invalid: 'false' });

    await type(el, offer, '12,5k');
    expect(shown(el, offer).reads).to.equal('');
    await type(el, offer, '12,5k', true);
    expect(shown(el, offer)).to.deep.equal({
      reads: '',
      error: 'Chance to win must be 100 or less: “12,5k” is 12,500.',
      invalid: 'true',
    });
    expect(await stored(repo, 'offer')).to.equal(0.5);

    // Fixing the text clears the message as it is typed, before it is left.
    await type(el, offer, '1,5');
    expect(shown(el, offer)).to.deep.equal({ reads: '= 1.5 %', error: '', invalid: 'false' });
    await type(el, offer, '1,5', true);
    expect(await stored(repo, 'offer')).to.equal(0.015);
    // The column's weighted total follows: (2,000 + 4,000) × 1.5 %.
    expect(totalsOf(el, 'Offer').join(' ')).to.include('€90');
    expect(shown(el, field(el, 'Chance to win from Offer (%)')).reads).to.equal('= 1.5 %');

    await type(el, offer, 'about half', true);
    expect(shown(el, offer).error).to.equal(
      'Chance to win: “about half” is not a number. Write digits with a decimal point, such as 12,500.50, or a shorthand such as 12.5k.',
    );
    await type(el, offer, '', true);
    expect(await stored(repo, 'offer')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('reads Spanish input: "12,5" is 12,5 % and "1.500,50" is refused as over 100', async () => {
    const { repo, el } = await boardWith(THREE, 'es');
    await openStageEditor(el);
    const lead = field(el, 'Probabilidad de ganar desde Lead (%)');
    expect(lead.value).to.equal('10');

    await type(el, lead, '1.500,50', true);
    expect(shown(el, lead)).to.deep.equal({
      reads: '',
      error: 'Probabilidad de ganar debe ser 100 o menos: «1.500,50» es 1500,5.',
      invalid: 'true',
    });
    expect(await stored(repo, 'lead')).to.equal(0.1);

    await type(el, lead, '12,5 %');
    expect(shown(el, lead)).to.deep.equal({ reads: '= 12,5 %', error: '', invalid: 'false' });
    await type(el, lead, '12,5 %', true);
    expect(await stored(repo, 'lead')).to.equal(0.125);
    expect(field(el, 'Probabilidad de ganar desde Lead (%)').value).to.equal('12,5');
    await expect(el).to.be.accessible();
  });
});
