import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The sync server's tokens: HS256 JSON Web Tokens signed with `SYNC_SECRET`, claims
 * `{ room, role, exp }` (`exp` in seconds since the epoch, as JWTs count). Signed and checked
 * with node:crypto; only HS256 is accepted, whatever the header asks for.
 */

export type Role = 'editor' | 'reader';

export interface SyncClaims {
  room: string;
  role: Role;
  exp: number;
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (data: string, secret: string) =>
  createHmac('sha256', secret).update(data).digest('base64url');

export function signToken(claims: SyncClaims, secret: string): string {
  const data = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${data}.${sign(data, secret)}`;
}

/** The claims of a valid, unexpired token signed with `secret`; otherwise `undefined`. */
export function verifyToken(
  token: string,
  secret: string,
  nowSeconds = Date.now() / 1000,
): SyncClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${header}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const head = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: unknown };
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Partial<SyncClaims>;
    if (head.alg !== 'HS256') return undefined;
    if (typeof claims.room !== 'string' || typeof claims.exp !== 'number') return undefined;
    if (claims.role !== 'editor' && claims.role !== 'reader') return undefined;
    if (!(claims.exp > nowSeconds)) return undefined;
    return { room: claims.room, role: claims.role, exp: claims.exp };
  } catch {
    return undefined;
  }
}
