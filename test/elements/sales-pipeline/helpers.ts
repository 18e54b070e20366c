import { fixture, html, waitUntil } from '@open-wc/testing';
import { deleteDB } from 'idb';
import '../../../src/elements/sales-pipeline/define.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import type { NewDeal, SalesRepository } from '../../../src/store/repository.js';

export const PIPELINE = 'board';
export const DAY = 24 * 60 * 60 * 1000;

let counter = 0;
const names: string[] = [];

/** A database name no other test uses; `deleteDatabases` removes it. */
export function dbName(label: string): string {
  const name = `test-pipeline-${label}-${Date.now().toString(36)}-${(counter += 1)}`;
  names.push(name);
  return name;
}

export async function deleteDatabases(): Promise<void> {
  for (const name of names.splice(0)) await deleteDB(name);
}

/** Three stages with round probabilities, so weighted totals are easy to work by hand. */
export async function seed(repo: SalesRepository, deals: NewDeal[] = []): Promise<void> {
  await repo.ensurePipeline(PIPELINE, {
    name: 'Test',
    currency: 'EUR',
    stages: [
      { id: 'lead', name: 'Lead', probability: 0.1 },
      { id: 'offer', name: 'Offer', probability: 0.5 },
      { id: 'deal', name: 'Negotiation', probability: 0.9 },
    ],
  });
  for (const d of deals) await repo.createDeal(PIPELINE, d);
}

export function memoryRepo(): SalesRepository {
  return createMemoryRepository();
}

export async function board(
  repo: SalesRepository,
  lang = 'en',
  staleDays = 30,
): Promise<SalesPipeline> {
  const el = await fixture<SalesPipeline>(
    html`<sales-pipeline
      pipeline=${PIPELINE}
      lang=${lang}
      stale-days=${staleDays}
      .repository=${repo}
    ></sales-pipeline>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('.board'), 'board never rendered');
  await el.updateComplete;
  return el;
}

export const root = (el: SalesPipeline) => el.shadowRoot!;
export const column = (el: SalesPipeline, key: string) =>
  root(el).querySelector<HTMLElement>(`.column[data-col="${key}"]`)!;
export const titlesIn = (el: SalesPipeline, key: string) =>
  [...column(el, key).querySelectorAll('.card .title')].map((t) => t.textContent!.trim());
export const card = (el: SalesPipeline, title: string) =>
  [...root(el).querySelectorAll<HTMLElement>('.cards .card')].find(
    (c) => c.querySelector('.title')!.textContent!.trim() === title,
  )!;
export const noticeTexts = (el: SalesPipeline) =>
  [...root(el).querySelectorAll('.notice')].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
export const liveText = (el: SalesPipeline) =>
  root(el).querySelector('[aria-live]')!.textContent!.trim();

/** The centre of an element, in viewport pixels, for `sendMouse`. */
export function centre(node: Element): [number, number] {
  const r = node.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}
