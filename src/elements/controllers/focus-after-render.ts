import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Find = () => HTMLElement | SVGElement | null | undefined;

/**
 * Moves focus to an element that the next render creates or changes: after a dialog closes,
 * a card moves, a row is deleted. `focus(find)` asks for an update and, once it is rendered,
 * focuses what `find` returns. With `untilFound`, a `find` that finds nothing yet (a card not
 * rendered until its column scrolls to it) is tried again after each update, until it finds
 * its element or another `focus` call replaces it.
 */
export class FocusAfterRender implements ReactiveController {
  private find?: Find;
  private options: FocusOptions & { untilFound?: boolean } = {};

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  focus(find: Find, options: FocusOptions & { untilFound?: boolean } = {}): void {
    this.find = find;
    this.options = options;
    this.host.requestUpdate();
  }

  /** Whether a focus is still waiting for its element. */
  get pending(): boolean {
    return this.find !== undefined;
  }

  cancel(): void {
    this.find = undefined;
  }

  hostUpdated(): void {
    const find = this.find;
    if (!find) return;
    const target = find();
    if (!target && this.options.untilFound) return;
    this.find = undefined;
    target?.focus(this.options);
  }
}
