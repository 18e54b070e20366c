import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import '../../../src/elements/sales-pipeline/define.js';
import type { ErrorEventDetail } from '../../../src/elements/events.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import type { NewDeal, SalesRepository } from '../../../src/store/repository.js';

/**
 * Driving the board as a person does and reading what a person sees: columns by their
 * heading, cards by their title, buttons and fields by their accessible name, notices and
 * the drop marker by their documented parts. `await el.updateComplete` waits until the board's
 * data and actions are done and shown.
 */

export const PIPELINE = 'board';
export const DAY = 24 * 60 * 60 * 1000;

/** Three deals in three stages with round probabilities, so totals are easy to work by hand. */
export const THREE = [
  { title: 'Alpha', company: 'Acme', amount: 1000, owner: 'Ana', stageId: 'lead' },
  { title: 'Beta', company: 'Bolt', amount: 2000, owner: 'Luis', stageId: 'offer' },
  { title: 'Gamma', company: 'Core', amount: 4000, owner: 'Ana', stageId: 'offer' },
];

/** Created in this order, so each column shows them newest first: Lead D C B A, Offer Y X. */
export const SIX = [
  { id: 'a', title: 'A', stageId: 'lead' },
  { id: 'b', title: 'B', stageId: 'lead' },
  { id: 'c', title: 'C', stageId: 'lead' },
  { id: 'd', title: 'D', stageId: 'lead' },
  { id: 'x', title: 'X', stageId: 'offer' },
  { id: 'y', title: 'Y', stageId: 'offer' },
];

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

/** The test pipeline's stages: Lead (10 %), Offer (50 %) and Negotiation (90 %). */
export const STAGES = [
  { id: 'lead', name: 'Lead', probability: 0.1 },
  { id: 'offer', name: 'Offer', probability: 0.5 },
  { id: 'deal', name: 'Negotiation', probability: 0.9 },
];

/** The test pipeline (`STAGES`), then `deals`. */
export async function seed(repo: SalesRepository, deals: NewDeal[] = []): Promise<void> {
  await repo.ensurePipeline(PIPELINE, { name: 'Test', currency: 'EUR', stages: STAGES });
  for (const d of deals) await repo.createDeal(PIPELINE, d);
}

export const memoryRepo = (): SalesRepository => createMemoryRepository();

/**
 * `repo` with its change feed cut: a change made on `repo` itself is never told to the board,
 * as when another tab's message is still in flight.
 */
export const unfollowed = (repo: SalesRepository): SalesRepository =>
  new Proxy(repo, {
    get(target, key, receiver) {
      if (key === 'subscribe') return () => () => undefined;
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

/** A repository seeded with `deals`, and a board on it. */
export async function boardWith(deals: NewDeal[] = THREE, lang = 'en') {
  const repo = memoryRepo();
  await seed(repo, deals);
  return { repo, el: await board(repo, lang) };
}

/**
 * A board on `repo` with these attributes (`pipeline` defaults to the seeded one), set before
 * it is attached, with the `error` events and console warnings it gave while being shown.
 */
export function boardWithAttributes(repo: SalesRepository, attributes: Record<string, string>) {
  return watching(async (onError) => {
    const el = document.createElement('sales-pipeline');
    for (const [name, value] of Object.entries({ pipeline: PIPELINE, ...attributes })) {
      el.setAttribute(name, value);
    }
    el.repository = repo;
    el.addEventListener('error', onError);
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    parent.append(el);
    await el.updateComplete;
    return el;
  });
}

/** A board on `repo`, shown with its deals. */
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
  await el.updateComplete;
  if (!el.shadowRoot!.querySelector('[role="region"]')) throw new Error('no board shown');
  return el;
}

export const root = (el: SalesPipeline) => el.shadowRoot!;
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The accessible name of `node`: its label, the text of what labels it, or its own text. */
export function nameOf(node: Element): string {
  const label = node.getAttribute('aria-label');
  if (label) return label;
  const by = node.getAttribute('aria-labelledby');
  if (by) {
    const scope = node.getRootNode() as ShadowRoot | Document;
    return squash(
      by
        .split(/\s+/)
        .map((id) => scope.getElementById(id)?.textContent)
        .join(' '),
    );
  }
  return squash(node.textContent);
}

/** The board's columns (regions named by their heading), left to right. */
export const columns = (el: SalesPipeline) => [
  ...root(el).querySelectorAll<HTMLElement>('[role="region"] section[aria-labelledby]'),
];

export const headings = (el: SalesPipeline) => columns(el).map(nameOf);

/** The column whose heading is `heading`. */
export function column(el: SalesPipeline, heading: string): HTMLElement {
  const found = columns(el).find((c) => nameOf(c) === heading);
  if (!found) throw new Error(`no column “${heading}” in ${headings(el).join(', ')}`);
  return found;
}

/** A column's header line as read: its count, and its totals. */
export const countOf = (el: SalesPipeline, heading: string) =>
  squash(column(el, heading).querySelector('header p')!.textContent);
export const totalsOf = (el: SalesPipeline, heading: string) =>
  [...column(el, heading).querySelectorAll('header dd')].map((d) => squash(d.textContent));

/** The cards (list items) rendered in a column, or on the whole board. */
export const cardsIn = (el: SalesPipeline, heading?: string) => {
  const scope = heading ? column(el, heading) : root(el).querySelector('[role="region"]');
  return [...(scope?.querySelectorAll<HTMLElement>('ul > li') ?? [])];
};

/** A card's title: its first line. */
export const titleOf = (card: Element) => squash(card.querySelector('p')!.textContent);

export const titlesIn = (el: SalesPipeline, heading?: string) => cardsIn(el, heading).map(titleOf);

/** The card titled `title`. */
export function card(el: SalesPipeline, title: string): HTMLElement {
  const found = cardsIn(el).find((c) => titleOf(c) === title);
  if (!found) throw new Error(`no card “${title}” in ${titlesIn(el).join(', ')}`);
  return found;
}

/** The button named `name` (its label, or its text), on the board or in its dialog. */
export function button(el: SalesPipeline, name: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => nameOf(b) === name || squash(b.textContent) === name,
  );
  if (!found) throw new Error(`no button “${name}”`);
  return found;
}

export const hasButton = (el: SalesPipeline, name: string) =>
  [...root(el).querySelectorAll('button')].some(
    (b) => nameOf(b) === name || squash(b.textContent) === name,
  );

/** The board's dialog, open or not. */
export const dialogOf = (el: SalesPipeline) => root(el).querySelector('dialog')!;

/** The form control labelled `label` (a `<label for>`, or its `aria-label`) in the dialog. */
export function field<T extends HTMLElement = HTMLInputElement>(
  el: SalesPipeline,
  label: string,
): T {
  const dialog = dialogOf(el);
  const byLabel = [...dialog.querySelectorAll('label')].find((l) =>
    squash(l.textContent).startsWith(label),
  );
  const found = byLabel
    ? (byLabel.control ?? byLabel.querySelector('input, select, textarea'))
    : dialog.querySelector(`[aria-label="${label}"]`);
  if (!found) throw new Error(`no field “${label}”`);
  return found as T;
}

/** The toolbar's controls, by their label. */
export const toolbarField = <T extends HTMLElement = HTMLInputElement>(
  el: SalesPipeline,
  label: string,
) =>
  [...root(el).querySelectorAll('[role="toolbar"] label')]
    .find((l) => squash(l.textContent).startsWith(label))!
    .querySelector('input, select') as T;

/** Every notice's text (`part="notice"`), in order. */
export const noticeTexts = (el: SalesPipeline) =>
  [...root(el).querySelectorAll('[part~="notice"]')].map((n) => squash(n.textContent));

/** The notices that are alerts. */
export const alerts = (el: SalesPipeline) => [
  ...root(el).querySelectorAll<HTMLElement>('[part~="notice"][role="alert"]'),
];

/** What the polite live region says now. */
export const announced = (el: SalesPipeline) =>
  squash(root(el).querySelector('[role="status"][aria-live="polite"]')!.textContent);

/** Every text the live region showed from now on, in order (each change once). */
export function recordAnnouncements(el: SalesPipeline): string[] {
  const region = root(el).querySelector('[role="status"][aria-live="polite"]')!;
  const said: string[] = [];
  new MutationObserver(() => {
    const text = squash(region.textContent);
    if (text && said.at(-1) !== text) said.push(text);
  }).observe(region, { childList: true, characterData: true, subtree: true });
  return said;
}

/** What has the focus inside the board: a card's title, a column's heading, or a control. */
export function focused(el: SalesPipeline): string {
  const active = root(el).activeElement as HTMLElement | null;
  if (!active) return '(nothing)';
  if (active.localName === 'li') return `card ${titleOf(active)}`;
  if (active.localName === 'section') return `column ${nameOf(active)}`;
  return `${active.localName} ${nameOf(active)}`;
}

/** Presses keys one after another, waiting for the board after each. */
export async function press(el: SalesPipeline, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await sendKeys({ press: key });
    await el.updateComplete;
  }
}

/** Ctrl+Z, as a person presses it. */
export async function pressUndo(el: SalesPipeline): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'z' });
  await sendKeys({ up: 'Control' });
  await el.updateComplete;
}

/** The stored deal titled `title`. */
export async function stored(repo: SalesRepository, title: string) {
  return (await repo.listDeals(PIPELINE)).find((d) => d.title === title);
}

/** A stage's titles in the stored order (rank), for what persists. */
export const storedOrder = async (repo: SalesRepository, stageId: string) =>
  (await repo.listDeals(PIPELINE, { stageId }))
    .sort((p, q) => p.rank! - q.rank!)
    .map((d) => d.title);

/** The centre of an element, in viewport pixels, for `sendMouse`. */
export function centre(node: Element): [number, number] {
  const r = node.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

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

/** Collects the `error` events and console warnings of what `run` creates. */
export async function watching<T>(
  run: (onError: (e: CustomEvent<ErrorEventDetail>) => void) => Promise<T>,
): Promise<{ value: T; errors: ErrorEventDetail[]; warnings: string[] }> {
  const errors: ErrorEventDetail[] = [];
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    const value = await run((e) => errors.push(e.detail));
    return { value, errors, warnings };
  } finally {
    console.warn = warn;
  }
}
