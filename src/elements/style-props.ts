import { isServer, noChange } from 'lit';
import {
  Directive,
  directive,
  type AttributePart,
  type PartInfo,
  type DirectiveResult,
} from 'lit/directive.js';

/**
 * Sets inline style properties through the CSSOM only, as `style=${styleProps({...})}`.
 *
 * Lit's `styleMap` writes a `style="…"` attribute string on its first render, which a strict
 * Content-Security-Policy (`style-src 'self'`) refuses; `style.setProperty` is always allowed.
 * A server (`@lit-labs/ssr`, which calls `render` only) has no CSSOM: there it writes the
 * attribute, so server-rendered HTML is styled before any script runs (a page whose policy
 * refuses inline styles gets them once the element hydrates).
 */
class StyleProps extends Directive {
  private previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    // Child and element parts have no name. (A `.style` or `?style` binding would work alike;
    // reading the part's type would bring Lit's PartType table into the funnel's first load.)
    if ((info as { name?: string }).name !== 'style') {
      throw new Error('styleProps() must be bound to the style attribute');
    }
  }

  render(props: Record<string, string | undefined>) {
    // `isServer` is a constant: a browser build keeps only `noChange`.
    if (!isServer) return noChange;
    return Object.entries(props)
      .flatMap(([name, value]) => (value === undefined ? [] : `${name}:${value}`))
      .join(';');
  }

  override update(part: AttributePart, [props]: [Record<string, string | undefined>]) {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) style.removeProperty(name);
      else style.setProperty(name, value);
    }
    this.previous = new Set(Object.keys(props));
    return noChange;
  }
}

// Typed with lit's own path: the emitted declaration would name lit-html, which a strict
// install (pnpm) does not let a page's compiler resolve.
export const styleProps: (
  props: Record<string, string | undefined>,
) => DirectiveResult<typeof StyleProps> = directive(StyleProps);
