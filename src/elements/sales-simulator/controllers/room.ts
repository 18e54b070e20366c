import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Training mode's hold on the page: a clicker sends its keys to the page, not to the element,
 * so keydown is heard on the document while the element is connected; and the element can be
 * shown full screen (Fullscreen API), re-rendering when it enters or leaves it.
 */
export class RoomController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onKey: (e: KeyboardEvent) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onKeydown);
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onKeydown);
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
  }

  /** Whether the page may show an element full screen (not in an iframe without permission). */
  get available(): boolean {
    return document.fullscreenEnabled;
  }

  get fullscreen(): boolean {
    return document.fullscreenElement === this.host;
  }

  /** Enters or leaves full screen; a refusal (no user gesture, a policy) changes nothing. */
  async toggleFullscreen(): Promise<void> {
    try {
      if (this.fullscreen) await document.exitFullscreen();
      else await this.host.requestFullscreen();
    } catch {
      // The browser said no: the element stays as it is, and the button says so.
    }
  }

  private readonly onKeydown = (e: KeyboardEvent): void => this.onKey(e);

  private readonly onFullscreenChange = (): void => this.host.requestUpdate();
}
