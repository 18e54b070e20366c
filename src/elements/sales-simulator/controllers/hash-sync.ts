import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang, ParseResult, Scenario } from '../../../model/types.js';
import { decodeScenarioHash, encodeScenarioHash, hasScenarioHash } from '../model/share-link.js';

export interface HashSyncOptions {
  /** `sync-hash` is on: the page's address is read and written. */
  enabled: () => boolean;
  lang: () => Lang;
  /** The address changed to one carrying a scenario (valid or not), while syncing. */
  onLink: (result: ParseResult<Scenario>) => void;
}

/**
 * The scenario in the page's address (`#scenario=…`): read when the element starts and each
 * time the hash changes while `sync-hash` is on; a share link to the scenario in effect, which
 * also becomes the page's address while syncing, copied to the clipboard when the page may.
 */
export class HashSync implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly options: HashSyncOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  /** The scenario the address carries, when syncing and it carries one. */
  read(): ParseResult<Scenario> | undefined {
    if (!this.options.enabled() || !hasScenarioHash(location.hash)) return undefined;
    return decodeScenarioHash(location.hash, this.options.lang());
  }

  /** A link to this page that opens `scenario`. */
  link(scenario: Scenario): string {
    return `${location.href.split('#')[0]}${encodeScenarioHash(scenario)}`;
  }

  /** The share link, made the address while syncing, and whether it reached the clipboard. */
  async share(scenario: Scenario): Promise<{ url: string; copied: boolean }> {
    const url = this.link(scenario);
    if (this.options.enabled()) {
      history.replaceState(history.state, '', encodeScenarioHash(scenario));
    }
    try {
      await navigator.clipboard.writeText(url);
      return { url, copied: true };
    } catch {
      return { url, copied: false };
    }
  }

  private readonly onHashChange = (): void => {
    const result = this.read();
    if (result) this.options.onLink(result);
  };
}
