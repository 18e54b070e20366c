import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The height of a stage in the embedded funnel, in its own layout px (from its SVG's viewBox:
 * a vertical funnel's height does not depend on its width), and how far down the page the element starts (a page's
 * margin, a heading above it), read after each update that draws the funnel while `enabled`.
 * Training mode's CSS zooms the funnel so that every stage fills the rest of the screen.
 */
export class ProjectorFit implements ReactiveController {
  /** The height of one stage's row (they are all as tall); 0 until the funnel has drawn. */
  stageHeight = 0;
  /** The element's top in the page, in px (0 full screen). */
  top = 0;
  /** Settles once the latest measure is taken (and its update requested). */
  measured: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly funnel: () => HTMLElement | null | undefined,
    private readonly enabled: () => boolean,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const funnel = this.funnel();
    if (!funnel || !this.enabled()) return;
    const drawn = (funnel as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
    this.measured = Promise.resolve(drawn).then(() => this.measure(funnel));
  }

  private measure(funnel: HTMLElement): void {
    // The funnel's own shadow root is open; its viewBox is its layout, whatever it is zoomed to.
    const svg = funnel.shadowRoot?.querySelector('svg');
    const stages = svg?.querySelectorAll('[role="option"]').length ?? 0;
    const height = svg && stages ? svg.viewBox.baseVal.height / stages : 0;
    const top = Math.max(0, Math.round(this.host.getBoundingClientRect().top + window.scrollY));
    if (Math.abs(height - this.stageHeight) < 0.1 && top === this.top) return;
    this.stageHeight = height;
    this.top = top;
    this.host.requestUpdate();
  }
}
