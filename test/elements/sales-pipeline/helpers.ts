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

/** The button of the board (or its dialog) whose visible text is `text`. */
export const button = (el: SalesPipeline, text: string) => {
  const found = [...root(el).querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent!.replace(/\s+/g, ' ').trim() === text,
  );
  if (!found) throw new Error(`no button “${text}”`);
  return found;
};

export interface Download {
  name: string;
  type: string;
  text: string;
}

/**
 * Catches the files the board offers for download (an object URL clicked through an `<a
 * download>`) instead of saving them; `restore` puts the browser's functions back.
 */
export function catchDownloads(): { files: Promise<Download>[]; restore: () => void } {
  const blobs = new Map<string, Blob>();
  const files: Promise<Download>[] = [];
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:caught-${blobs.size + 1}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (!blob) return click.call(this);
    files.push(blob.text().then((text) => ({ name: this.download, type: blob.type, text })));
  };
  return {
    files,
    restore: () => {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

/** Pointer events as a mouse or a finger produces them, dispatched on `target`. */
export function pointerOn(target: Element, pointerType: 'mouse' | 'touch', pointerId = 7) {
  return (type: string, clientX: number, clientY: number) =>
    target.dispatchEvent(
      new PointerEvent(type, {
        bubbles: true,
        composed: true,
        cancelable: true,
        pointerId,
        pointerType,
        isPrimary: true,
        button: type === 'pointermove' ? -1 : 0,
        buttons: type === 'pointerup' ? 0 : 1,
        clientX,
        clientY,
      }),
    );
}
