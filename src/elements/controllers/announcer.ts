import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';

/**
 * The element's one polite live region. `announce` says a sentence once; a later call
 * replaces one not yet said, so an action that changes several things is one announcement.
 * With a `delay` the sentence waits until no other call came for that long: a slider being
 * dragged is summed up once it stops, not at every step.
 */
export class Announcer implements ReactiveController {
  /** What the live region holds now. */
  text = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  announce(text: string, delay = 0): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (delay > 0) this.timer = setTimeout(() => this.say(text), delay);
    else this.say(text);
  }

  /** Drops a sentence still waiting for its delay. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** The live region, rendered once anywhere in the shadow root (`.sr-only` hides it). */
  render(): TemplateResult {
    return html`<div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
      ${this.text}
    </div>`;
  }

  private say(text: string): void {
    this.timer = undefined;
    // A trailing no-break space, toggled, makes the same sentence a change the reader speaks.
    this.text = text + (this.text.endsWith('\u00a0') ? '' : '\u00a0');
    this.host.requestUpdate();
  }
}
