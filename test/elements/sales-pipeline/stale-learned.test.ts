import { expect, fixture, html } from '@open-wc/testing';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import type { Deal, Pipeline, StageEvent } from '../../../src/model/types.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import {
  DAY,
  PIPELINE,
  STAGES,
  board,
  card,
  memoryRepo,
  titlesIn,
  toolbarField,
} from './helpers.js';

/**
 * A history worked by hand. Twelve past deals left Offer after 1, 2, … 12 days: 85 % of those
 * visits ended within 10.35 days (linear interpolation between ranks), so Offer learns 11 days.
 * Nine of them sat one day in Lead first: nine visits, one short of trusting Lead's, so Lead
 * keeps the board's 30 days. The open deals: Late (15 d in Offer), Fresh (8 d in Offer),
 * Old lead (40 d) and Recent lead (20 d; stale at Lead's 1 day, were it trusted).
 */
async function history(): Promise<SalesRepository> {
  const now = Date.now();
  const pipeline: Pipeline = {
    id: PIPELINE,
    name: 'Test',
    currency: 'EUR',
    stages: STAGES,
    createdAt: now - 200 * DAY,
    updatedAt: now - 200 * DAY,
  };
  const deals: Deal[] = [];
  const events: StageEvent[] = [];
  const add = (id: string, title: string, steps: [string | null, string, number][]) => {
    steps.forEach(([from, to, at], k) =>
      events.push({
        id: `${id}-e${k}`,
        pipelineId: PIPELINE,
        dealId: id,
        kind: from === null ? 'created' : 'moved',
        from,
        to,
        at,
      }),
    );
    const last = steps[steps.length - 1];
    deals.push({
      id,
      pipelineId: PIPELINE,
      title,
      // Every line of a card filled, so the reason has to fit beside them all.
      company: 'Acme Industrial Supplies',
      owner: 'Ana',
      expectedClose: '2099-06-30',
      amount: 1000,
      currency: 'EUR',
      stageId: last[1],
      outcome: 'open',
      createdAt: steps[0][2],
      updatedAt: last[2],
      stageEnteredAt: last[2],
      version: steps.length,
    });
  };
  const start = now - 100 * DAY;
  for (let i = 0; i < 12; i++) {
    const days = i + 1;
    add(
      `past-${i}`,
      `Past ${i}`,
      i < 9
        ? [
            [null, 'lead', start],
            ['lead', 'offer', start + DAY],
            ['offer', 'deal', start + DAY + days * DAY],
          ]
        : [
            [null, 'offer', start],
            ['offer', 'deal', start + days * DAY],
          ],
    );
  }
  add('late', 'Late', [[null, 'offer', now - 15 * DAY - 3600_000]]);
  add('fresh', 'Fresh', [[null, 'offer', now - 8 * DAY - 3600_000]]);
  add('old', 'Old lead', [[null, 'lead', now - 40 * DAY - 3600_000]]);
  add('recent', 'Recent lead', [[null, 'lead', now - 20 * DAY - 3600_000]]);
  const repo = memoryRepo();
  await repo.importPipeline({
    format: 'sales-funnel/pipeline',
    formatVersion: 1,
    exportedAt: now,
    pipeline,
    deals,
    events,
  });
  return repo;
}

/** A board with no `stale-days` attribute: thresholds are learned. */
async function learningBoard(repo: SalesRepository, lang = 'en'): Promise<SalesPipeline> {
  const el = await fixture<SalesPipeline>(
    html`<sales-pipeline pipeline=${PIPELINE} lang=${lang} .repository=${repo}></sales-pipeline>`,
  );
  await el.updateComplete;
  return el;
}

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const isStaleCard = (el: SalesPipeline, title: string) =>
  (card(el, title).getAttribute('part') ?? '').split(' ').includes('card-stale');

/** The card's text a person reads (and a screen reader says), after its title and amount. */
const textOf = (el: SalesPipeline, title: string) => squash(card(el, title).textContent);

/** What a stale card says about its days and why (its days, then the reason line), shown whole. */
function reasonShown(el: SalesPipeline, title: string): string {
  const c = card(el, title);
  const line = [...c.querySelectorAll('p')].find((p) =>
    /\bwithin\b|stale after|\bsale de\b|pasados/.test(p.textContent ?? ''),
  );
  if (!line) throw new Error(`no reason on “${title}”: ${squash(c.textContent)}`);
  const box = line.getBoundingClientRect();
  const frame = c.getBoundingClientRect();
  expect(box.height, 'the reason has a height').to.be.greaterThan(0);
  expect(box.bottom, 'the reason is not cut off at the bottom').to.be.at.most(frame.bottom);
  expect(line.scrollWidth, 'the reason is not cut off at the end').to.be.at.most(line.clientWidth);
  // Flex items with hidden overflow shrink: every line of the card keeps its whole height.
  for (const p of c.querySelectorAll('p')) {
    expect(p.scrollHeight, `“${squash(p.textContent)}” is not cut off`).to.be.at.most(
      p.clientHeight,
    );
  }
  expect(line.closest('[aria-hidden="true"]')).to.equal(null);
  const days = squash(c.querySelector('.stale-mark')?.textContent ?? '');
  return `${days} — ${squash(line.textContent)}`;
}

describe('<sales-pipeline> stale thresholds learned per stage', () => {
  it('marks a card stale past its stage’s learned threshold and says why', async () => {
    const el = await learningBoard(await history());
    expect(isStaleCard(el, 'Late')).to.equal(true);
    expect(reasonShown(el, 'Late')).to.equal('15 d · stale — 85% leave this stage within 11 d');
    // 8 days is within Offer's 11.
    expect(isStaleCard(el, 'Fresh')).to.equal(false);
    expect(textOf(el, 'Fresh')).to.not.match(/stale|within/);
    await expect(el).to.be.accessible();
  });

  it('keeps the 30-day default below the minimum of visits', async () => {
    const el = await learningBoard(await history());
    // Lead's nine one-day visits would make 20 days stale; nine are too few to trust.
    expect(isStaleCard(el, 'Recent lead')).to.equal(false);
    expect(isStaleCard(el, 'Old lead')).to.equal(true);
    expect(reasonShown(el, 'Old lead')).to.equal('40 d · stale — stale after 30 d');
  });

  it('says why in Spanish', async () => {
    const el = await learningBoard(await history(), 'es');
    expect(reasonShown(el, 'Late')).to.equal(
      '15 d · estancada — el 85 % sale de esta etapa en 11 d',
    );
    expect(reasonShown(el, 'Old lead')).to.equal('40 d · estancada — estancada pasados 30 d');
  });

  it('learns again after a move: a tenth visit makes Lead’s threshold trusted', async () => {
    const el = await learningBoard(await history());
    expect(await el.moveDeal('recent', { stageId: 'offer' })).to.equal(true);
    await el.updateComplete;
    // Nine one-day visits and one of 20 days: 85 % ended within 1 day.
    expect(reasonShown(el, 'Old lead')).to.equal('40 d · stale — 85% leave this stage within 1 d');
  });

  it('lets stale-days override what was learned, in every stage', async () => {
    const repo = await history();
    const el = await board(repo, 'en', 20);
    // 15 days is past Offer's learned 11, but stale-days says 20.
    expect(isStaleCard(el, 'Late')).to.equal(false);
    expect(textOf(el, 'Late')).to.not.match(/stale|within/);
    expect(isStaleCard(el, 'Recent lead')).to.equal(false);
    expect(reasonShown(el, 'Old lead')).to.equal('40 d · stale — stale after 20 d');
    // Removing the attribute gives the learned thresholds back.
    el.removeAttribute('stale-days');
    await el.updateComplete;
    expect(isStaleCard(el, 'Late')).to.equal(true);
  });

  it('filters “Stale only” by the learned thresholds', async () => {
    const el = await learningBoard(await history());
    toolbarField(el, 'Stale only').click();
    await el.updateComplete;
    const titles = titlesIn(el);
    expect(titles).to.include.members(['Late', 'Old lead']);
    expect(titles).to.not.include.members(['Fresh']);
    expect(titles).to.not.include.members(['Recent lead']);
  });
});
