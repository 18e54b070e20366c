import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Runs `step` once a frame while a drag holds the pointer near an edge: a still pointer must
 * keep scrolling (pointer moves stop coming when the hand stops). `step` scrolls what it
 * should and returns `false` when nothing is left to scroll, which ends the loop; the next
 * pointer move starts it again.
 */
export class EdgeScroll implements ReactiveController {
  private frame = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly step: () => boolean,
  ) {
    host.addController(this);
  }

  get running(): boolean {
    return this.frame !== 0;
  }

  /** Starts the loop if it is not running; the first step runs in the next frame. */
  start(): void {
    if (this.frame) return;
    const tick = () => {
      this.frame = this.step() ? requestAnimationFrame(tick) : 0;
    };
    this.frame = requestAnimationFrame(tick);
  }

  stop(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
