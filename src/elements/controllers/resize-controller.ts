import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks an element's content-box size with a ResizeObserver and asks the host for an update
 * when it changes, so charts lay themselves out for their container rather than the window.
 *
 * `target` may name an element inside the host's shadow root: a page rule such as
 * `* { all: unset }` can make the host itself `display: inline`, whose box has no width, while
 * a block inside it still spans the container.
 */
export class ResizeController implements ReactiveController {
  /**
   * Content-box width in px: 0 until the first observation, unless the host measured it first
   * and says so here (an observation of that size then asks for no update).
   */
  width = 0;
  /** Content-box height in px; stays 0 with `widthOnly`. */
  height = 0;
  private observer?: ResizeObserver;
  private observed?: Element;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly target: () => Element | null | undefined = () => host,
    /** For a host whose height follows from its width: a height change is its own render. */
    private readonly widthOnly = false,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer ??= new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      // Sub-pixel jitter would otherwise re-render on every frame of a CSS animation.
      const w = Math.round(box.width);
      const h = this.widthOnly ? 0 : Math.round(box.height);
      if (w === this.width && h === this.height) return;
      this.width = w;
      this.height = h;
      // Re-rendering inside the callback changes the observed box's height in the same frame,
      // which the browser reports as a "ResizeObserver loop" error; the next frame is soon enough.
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.host.requestUpdate());
    });
    this.observeTarget();
  }

  hostUpdated(): void {
    this.observeTarget();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    cancelAnimationFrame(this.frame);
    this.observed = undefined;
  }

  private observeTarget(): void {
    const el = this.target() ?? this.host;
    if (!this.observer || el === this.observed) return;
    if (this.observed) this.observer.unobserve(this.observed);
    this.observer.observe(el);
    this.observed = el;
  }
}
