import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Lang } from '../../model/types.js';
import { toLang } from '../../model/format.js';

/** The nearest `lang` attribute up the tree, crossing shadow roots, then the document's. */
export function findLang(el: Element): string | null {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return found.getAttribute('lang');
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.getAttribute('lang');
}

/**
 * Resolves the host's language from its own `lang` or the nearest ancestor's (through shadow
 * roots) and re-renders the host when any of those attributes changes.
 */
export class LangController implements ReactiveController {
  private current: Lang = 'en';
  private observer?: MutationObserver;

  /** The language; on a server (no tree to walk, never connected), the host's own `lang`. */
  get lang(): Lang {
    return isServer ? toLang(this.host.getAttribute('lang')) : this.current;
  }

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    this.refresh();
    this.observer ??= new MutationObserver(() => this.refresh());
    // A subtree observer does not see into shadow roots, so observe each root on the way up.
    let root: Node = this.host.getRootNode();
    for (;;) {
      const target = root instanceof Document ? root.documentElement : root;
      this.observer.observe(target, {
        attributes: true,
        attributeFilter: ['lang'],
        subtree: true,
      });
      if (!(root instanceof ShadowRoot)) break;
      root = root.host.getRootNode();
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  private refresh(): void {
    const next = toLang(findLang(this.host));
    if (next !== this.current) {
      this.current = next;
      this.host.requestUpdate();
    }
  }
}
