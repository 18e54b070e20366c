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
