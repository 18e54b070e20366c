import { noChange } from 'lit';
import {
  Directive,
  directive,
  PartType,
  type AttributePart,
  type PartInfo,
  type DirectiveResult,
} from 'lit/directive.js';

/**
 * Sets inline style properties through the CSSOM only, as `style=${styleProps({...})}`.
 *
 * Lit's `styleMap` writes a `style="…"` attribute string on its first render, which a strict
 * Content-Security-Policy (`style-src 'self'`) refuses; `style.setProperty` is always allowed.
 */
class StyleProps extends Directive {
  private previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') {
      throw new Error('styleProps() must be bound to the style attribute');
    }
  }

  render(_props: Record<string, string | undefined>) {
    return noChange;
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
