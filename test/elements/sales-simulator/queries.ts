import { sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';

/*
 * Finding things in an element's shadow root the way a person (or a screen reader) does: by
 * role and accessible name, by label, by visible text. Only what is rendered and not hidden
 * from assistive technology counts; nested shadow roots (the embedded funnel) are not entered.
 */

type Scope = Element | ShadowRoot;
type Name = string | RegExp;

/** An element with a shadow root is searched inside it. */
const rootOf = (scope: Scope): ParentNode =>
  scope instanceof Element && scope.shadowRoot ? scope.shadowRoot : scope;

/** White space folded, as a reader hears it. */
export const fold = (text: string | null | undefined): string =>
  (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();

/** The text an element (or a shadow root) shows and reads, white space folded. */
export const textOf = (e: Node | null | undefined): string => fold(e?.textContent);

/** A label's own words, without the text of the control inside it (a list's options). */
function labelText(label: HTMLLabelElement): string {
  const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
  const words: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('select, input, textarea')) words.push(node.nodeValue ?? '');
  }
  return fold(words.join(' '));
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The element's role, explicit or implicit (the few HTML roles these elements use). */
export function roleOf(e: Element): string | undefined {
  const role = baseRole(e);
  // A section or form is a landmark only when it has a name.
  if ((e.localName === 'section' || e.localName === 'form') && !e.hasAttribute('role')) {
    return nameOf(e) ? role : undefined;
  }
  return role;
}

function baseRole(e: Element): string | undefined {
  const explicit = e.getAttribute('role');
  if (explicit) return explicit.split(/\s+/)[0];
  const tag = e.localName;
  if (HEADINGS.has(tag)) return 'heading';
  switch (tag) {
    case 'button':
      return 'button';
    case 'input': {
      const type = (e as HTMLInputElement).type;
      if (type === 'range') return 'slider';
      if (type === 'file' || type === 'submit' || type === 'button') return 'button';
      if (type === 'checkbox') return 'checkbox';
      return 'textbox';
    }
    case 'select':
      return 'combobox';
    case 'option':
      return 'option';
    case 'table':
      return 'table';
    case 'tr':
      return 'row';
    case 'th':
      return e.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader';
    case 'td':
      return 'cell';
    case 'ul':
    case 'ol':
      return 'list';
    case 'li':
      return 'listitem';
    case 'dt':
      return 'term';
    case 'dd':
      return 'definition';
    case 'section':
      return 'region';
    case 'form':
      return 'form';
    default:
      return undefined;
  }
}

const NAMED_BY_CONTENT = new Set([
  'button',
  'heading',
  'option',
  'cell',
  'columnheader',
  'rowheader',
  'term',
  'definition',
  'listitem',
]);

function byIds(e: Element, ids: string): string {
  const root = e.getRootNode() as ParentNode;
  return ids
    .split(/\s+/)
    .map((id) => textOf(root.querySelector(`#${CSS.escape(id)}`)))
    .filter(Boolean)
    .join(' ');
}

/** The element's accessible name (labelledby, label, labels, caption, content, title). */
export function nameOf(e: Element): string {
  const labelledby = e.getAttribute('aria-labelledby');
  if (labelledby) return byIds(e, labelledby);
  const label = e.getAttribute('aria-label');
  if (label) return fold(label);
  const labels = (e as HTMLInputElement).labels;
  if (labels && labels.length) return fold([...labels].map(labelText).join(' '));
  if (e.localName === 'table') return textOf(e.querySelector('caption'));
  const role = baseRole(e);
  if (role && NAMED_BY_CONTENT.has(role)) return textOf(e);
  return fold(e.getAttribute('title'));
}

/** Hidden from everyone (not rendered) or from assistive technology (`aria-hidden`). */
function hidden(e: Element): boolean {
  if (e.closest('[aria-hidden="true"]')) return true;
  return !e.checkVisibility({ visibilityProperty: true });
}

const matches = (value: string, name: Name) =>
  typeof name === 'string' ? value === name : name.test(value);

/** Every element of `role` (named `name`, when given) that a reader would find. */
export function allByRole(scope: Scope, role: string, name?: Name): HTMLElement[] {
  return [...rootOf(scope).querySelectorAll<HTMLElement>('*')].filter(
    (e) => roleOf(e) === role && !hidden(e) && (name === undefined || matches(nameOf(e), name)),
  );
}

function one<T>(found: T[], what: string, scope: Scope, role: string): T {
  if (found.length === 1) return found[0];
  const names = allByRole(scope, role).map((e) => `"${nameOf(e)}"`);
  throw new Error(
    `${found.length} ${what}; the ${role}s there are named ${names.join(', ') || '(none)'}`,
  );
}

/** The one element of `role` named `name`; throws (listing what there is) otherwise. */
export function byRole<T extends HTMLElement = HTMLElement>(
  scope: Scope,
  role: string,
  name?: Name,
): T {
  return one(allByRole(scope, role, name), `${role} named ${String(name)}`, scope, role) as T;
}

/** The element of `role` named `name`, or `null` when there is none. */
export function queryByRole<T extends HTMLElement = HTMLElement>(
  scope: Scope,
  role: string,
  name?: Name,
): T | null {
  const found = allByRole(scope, role, name);
  if (found.length > 1) throw new Error(`${found.length} ${role}s named ${String(name)}`);
  return (found[0] as T | undefined) ?? null;
}

/** The form control (text field, slider, list) whose label is `label`. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(scope: Scope, label: Name): T {
  const found = ['textbox', 'slider', 'combobox'].flatMap((role) => allByRole(scope, role, label));
  return one(found, `field labelled ${String(label)}`, scope, 'textbox') as T;
}

/** The innermost shown elements whose whole text is `text` (or matches it). */
export function allByText(scope: Scope, text: Name): HTMLElement[] {
  const all = [...rootOf(scope).querySelectorAll<HTMLElement>('*')].filter(
    (e) => !hidden(e) && matches(textOf(e), text),
  );
  return all.filter((e) => !all.some((other) => other !== e && e.contains(other)));
}

/** The one innermost element whose text is `text`; throws otherwise. */
export function byText<T extends HTMLElement = HTMLElement>(scope: Scope, text: Name): T {
  const found = allByText(scope, text);
  if (found.length !== 1) throw new Error(`${found.length} elements with text ${String(text)}`);
  return found[0] as T;
}

/** The message a field announces with it (`aria-describedby`), '' when there is none. */
export function descriptionOf(e: Element): string {
  const ids = e.getAttribute('aria-describedby');
  return ids ? byIds(e, ids) : '';
}

/** A headline figure by its label: its value and its change from the baseline ('' if none). */
export function figure(el: Scope, label: string): { value: string; delta: string } {
  const term = byRole(el, 'term', label);
  const defs = [...term.parentElement!.querySelectorAll('dd')].map(textOf);
  return { value: defs[0] ?? '', delta: defs[1] ?? '' };
}

/** A table's body rows, as the texts of their shown cells. */
export function rows(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].filter((c) => !hidden(c)).map(textOf),
  );
}

/** A table's column headers, as shown. */
export function columns(table: HTMLElement): string[] {
  return [...table.querySelectorAll('thead th')].filter((c) => !hidden(c)).map(textOf);
}

/** What the element's polite live region says now. */
export const spoken = (el: Scope): string => textOf(byRole(el, 'status'));

/** Focuses a text field and replaces its text by typing, as a person would. */
export async function typeInto(host: LitElement, field: HTMLElement, text: string): Promise<void> {
  field.focus();
  (field as HTMLInputElement).select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  await host.updateComplete;
}

/** The element that has the focus inside `host`'s shadow root. */
export const focused = (host: Element): Element | null => host.shadowRoot!.activeElement;

/** Chooses `value` in a list box, as a person does (the list fires `change`). */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}
