import { oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/elements/sales-funnel/define.js';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import type { SalesErrorEvent } from '../../../src/elements/events.js';

export * from './scenarios.js';

/**
 * What a person (or a screen reader) finds in a `<sales-funnel>`: the chart is a listbox named
 * "Funnel stages" whose options are the stages, each named by its figures; the hidden table,
 * the caption, the tooltip and the error messages are the documented parts.
 */

export const root = (el: SalesFunnel) => el.shadowRoot!;
export const chart = (el: SalesFunnel) => root(el).querySelector<SVGSVGElement>('[role="listbox"]');
/** The stages, as the options of the chart. */
export const stages = (el: SalesFunnel) => [
  ...root(el).querySelectorAll<SVGGElement>('[role="listbox"] [role="option"]'),
];
/** The stage whose accessible name starts with `name`. */
export const stage = (el: SalesFunnel, name: string) =>
  stages(el).find((o) => o.getAttribute('aria-label')!.startsWith(`${name},`));
/** Each stage's band (`part="stage"`). */
export const bands = (el: SalesFunnel) =>
  stages(el).map((o) => o.querySelector<SVGPathElement>('[part~="stage"]')!);
/** The dashed outlines of a compared data set: the paths of a stage other than its band. */
export const outlines = (el: SalesFunnel) =>
  stages(el).flatMap((o) => [...o.querySelectorAll('path:not([part~="stage"])')]);
export const labelText = (el: SalesFunnel) =>
  [...root(el).querySelectorAll('[part~="label"]')].map((t) =>
    t.textContent!.replace(/\s+/g, ' ').trim(),
  );
export const headers = (el: SalesFunnel) =>
  [...root(el).querySelectorAll('table thead th')].map((c) => c.textContent!.trim());
export const tableRows = (el: SalesFunnel) =>
  [...root(el).querySelectorAll('table tbody tr')].map((tr) =>
    [...tr.children].map((c) => c.textContent!.trim()),
  );
export const caption = (el: SalesFunnel) =>
  root(el).querySelector('[part~="caption"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const tooltip = (el: SalesFunnel) => root(el).querySelector('[part~="tooltip"]');
/** Every message about bad input, as shown (`part="error"`). */
export const errorText = (el: SalesFunnel) =>
  [...root(el).querySelectorAll('[part~="error"]')]
    .map((e) => e.textContent!.replace(/\s+/g, ' ').trim())
    .join(' ');
/** The centre of an element on screen, for the mouse. */
export function centre(target: Element): [number, number] {
  const box = target.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

/**
 * An element set up by `setup` before it is attached, with its `error` listener already there
 * (so no event is missed) and `console.warn` recorded; resolves with the first `error`.
 */
export async function withError(setup: (el: SalesFunnel) => void) {
  const el = document.createElement('sales-funnel');
  const warn = sinon.stub(console, 'warn');
  const pageErrors: unknown[] = [];
  const onPageError = (e: ErrorEvent) => pageErrors.push(e.error);
  window.addEventListener('error', onPageError);
  try {
    const event = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
    setup(el);
    document.body.append(el);
    const { detail } = await event;
    await el.updateComplete;
    return { el, detail, warnings: warn.args.slice(), pageErrors };
  } finally {
    warn.restore();
    window.removeEventListener('error', onPageError);
  }
}

/** Resolves with the next ResizeObserver report on `target` (the first one: its size now). */
const observed = (target: Element) =>
  new Promise<void>((resolve) => {
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(target);
  });

/**
 * Resolves once the element has laid itself out for its size (after `change`, if given): the
 * size is observed, the frame the element waits for has run, and the update it asked for is done.
 */
export async function afterResize(el: SalesFunnel, change?: () => void): Promise<void> {
  const target = root(el).querySelector('.base') ?? el;
  await observed(target);
  if (change) {
    // Not while the observers are being told (that would be a resize loop): in the next frame.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    change();
    await observed(target);
  }
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await el.updateComplete;
}
