import { parseJsonAttribute, parseScenario } from '../../../model/validate.js';
import type { Lang, ParseResult, Scenario } from '../../../model/types.js';

/**
 * A scenario in a URL hash: `#scenario=<base64url of its JSON>`. Base64url keeps the link short
 * and free of characters that mail clients and chat apps like to break. Whatever arrives is
 * untrusted: it is size-capped, decoded as strict UTF-8, parsed as JSON and validated with
 * `parseScenario`, so a crafted link yields errors, never a broken page or injected markup.
 */

/** The hash key the scenario travels under. */
export const HASH_KEY = 'scenario';

/** A link longer than this is refused unread (real scenarios take a few hundred characters). */
export const MAX_LINK_CHARS = 40_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The hash fragment (with `#`) that carries `scenario`. */
export function encodeScenarioHash(scenario: Scenario): string {
  const json = JSON.stringify(scenario);
  return `#${HASH_KEY}=${toBase64Url(new TextEncoder().encode(json))}`;
}

/** True when the hash carries a scenario (well formed or not). */
export function hasScenarioHash(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has(HASH_KEY);
}

/**
 * The scenario a hash carries, validated; errors name the field and are in `lang`.
 * A hash without the key gives an error on the field `link`.
 */
export function decodeScenarioHash(hash: string, lang: Lang): ParseResult<Scenario> {
  const bad = (message: string): ParseResult<Scenario> => ({
    ok: false,
    errors: [{ path: 'link', code: 'link-invalid', message }],
  });
  const notReadable =
    lang === 'es' ? 'el enlace está dañado o incompleto.' : 'the link is damaged or incomplete.';
  if (typeof hash !== 'string' || hash.length > MAX_LINK_CHARS) {
    return bad(lang === 'es' ? 'el enlace es demasiado largo.' : 'the link is too long.');
  }
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get(HASH_KEY);
  if (raw === null) return bad(notReadable);
  const bytes = fromBase64Url(raw);
  if (!bytes) return bad(notReadable);
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bad(notReadable);
  }
  const parsed = parseJsonAttribute(json, 'link', { lang });
  if (!parsed.ok) return parsed;
  return parseScenario(parsed.value, { lang });
}
