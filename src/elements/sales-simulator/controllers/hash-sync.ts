import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang, ParseResult, Scenario } from '../../../model/types.js';
import {
  decodeShareHash,
  encodeShareHash,
  hasScenarioHash,
  type SharedLink,
} from '../model/share-link.js';

export interface HashSyncOptions {
  /** `sync-hash` is on: the page's address is read and written. */
  enabled: () => boolean;
  lang: () => Lang;
  /** Where a deck's first change applies: the scenario the element starts from. */
  start: () => Scenario;
  /** The address changed to one carrying a scenario or a deck (valid or not), while syncing. */
  onLink: (result: ParseResult<SharedLink>) => void;
}

/**
 * The scenario (or a deck) in the page's address (`#scenario=…`), with what the person set:
 * read when the element starts and each
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

  /** The scenario or deck the address carries, when syncing and it carries one. */
  read(): ParseResult<SharedLink> | undefined {
    if (!this.options.enabled() || !hasScenarioHash(location.hash)) return undefined;
    return decodeShareHash(location.hash, this.options.lang(), this.options.start());
  }

  /** A link to this page that opens `shared`. */
  link(shared: SharedLink): string {
    return `${location.href.split('#')[0]}${encodeShareHash(shared)}`;
  }

  /** The share link, made the address while syncing, and whether it reached the clipboard. */
  async share(shared: SharedLink): Promise<{ url: string; copied: boolean }> {
    const url = this.link(shared);
    if (this.options.enabled()) {
      history.replaceState(history.state, '', encodeShareHash(shared));
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
