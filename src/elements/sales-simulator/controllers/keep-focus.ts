import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Announcer } from '../../controllers/announcer.js';
import type { FocusAfterRender } from '../../controllers/focus-after-render.js';

/*
 * Focus after an on-screen control is used: a button that turns disabled (or goes) would
 * drop focus to the page's body, and the keyboard and a screen reader would lose their place.
 */

const usable = (b: HTMLButtonElement) => b.isConnected && !b.disabled && !b.closest('[hidden]');

/**
 * `undefined` while `button` can keep the focus; else the nearest enabled button after it in its
 * group (else before it), else the first enabled one in `root`.
 */
export function focusAfterUse(
  button: HTMLButtonElement,
  root: ParentNode,
): HTMLElement | undefined {
  if (usable(button)) return undefined;
  const group = button.isConnected ? button.closest('.buttons, section, .presenting-bar') : null;
  const near = [...(group ?? root).querySelectorAll('button')].filter(usable);
  const after = near.find(
    (b) => button.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  return after ?? near.at(-1) ?? [...root.querySelectorAll('button')].find(usable);
}

/**
 * Where focus and news go after a control is used: a button that turned disabled hands the focus
 * to its neighbour, not to the page; a field left with a problem says it, once (WCAG 4.1.3), as
 * its message is linked to it (`aria-describedby`) and a screen reader reads it only on the way
 * back to the field.
 */
export class KeepFocus implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    private readonly focus: FocusAfterRender,
    private readonly announcer: Announcer,
  ) {}

  hostConnected(): void {
    // Clicks in the shadow root reach the host: one listener sees every button used.
    this.host.addEventListener('click', this.onClick);
    this.host.renderRoot.addEventListener('change', this.onFieldChange);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('click', this.onClick);
    this.host.renderRoot.removeEventListener('change', this.onFieldChange);
  }

  private readonly onFieldChange = (e: Event): void => {
    const field = e.target as Element;
    const id =
      field.getAttribute('aria-invalid') === 'true' && field.getAttribute('aria-describedby');
    const message = id ? this.host.renderRoot.querySelector(`#${CSS.escape(id)}`)?.textContent : '';
    if (message?.trim()) this.announcer.announce(message.trim());
  };

  private readonly onClick = (e: Event): void => {
    const button = e.composedPath().find((t) => t instanceof HTMLButtonElement);
    if (!button || this.focus.pending) return;
    this.focus.focus(() => focusAfterUse(button, this.host.renderRoot));
  };
}
