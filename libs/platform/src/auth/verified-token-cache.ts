import type { AuthUser } from './auth-user';

/** Entries kept; the least recently used goes first. */
export const TOKEN_CACHE_ENTRIES = 10_000;
/** Longer tokens are verified every time, so the cache holds at most ~20 MB of token text. */
export const TOKEN_CACHE_MAX_LENGTH = 2048;

interface Entry {
  user: AuthUser;
  /** Seconds since the epoch, as in the token's claims. */
  exp: number;
  nbf?: number;
}

/**
 * Users of tokens that passed full verification, keyed by the exact token string: a client sends
 * the same token for its whole life, and HMAC-checking it again costs about a tenth of a create.
 * Only what cannot change for a fixed key is remembered (signature, algorithm, issuer, audience,
 * the required claims, the user built from them); the time claims are checked again on every
 * hit, with jose's own arithmetic (whole seconds, no tolerance: refused from the second `exp`
 * names on, and before `nbf`). A hit that fails them is dropped, and the caller verifies in full,
 * so the refusal is the verifier's own. Any other string, even one differing by a character, is a
 * miss and gets full verification. Only for a fixed secret: keys from a JWKS may be rotated away.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = TOKEN_CACHE_ENTRIES) {}

  /** The user of a token verified earlier and still within its time claims now. */
  get(token: string, nowMs = Date.now()): AuthUser | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    const now = Math.floor(nowMs / 1000);
    if (entry.exp <= now || (entry.nbf !== undefined && entry.nbf > now)) {
      this.entries.delete(token);
      return undefined;
    }
    // Most recently used last: Map keeps insertion order, so the first key is the one to evict.
    this.entries.delete(token);
    this.entries.set(token, entry);
    return entry.user;
  }

  /** Remembers a token that has just passed full verification with these claims. */
  remember(token: string, user: AuthUser, claims: { exp?: unknown; nbf?: unknown }): void {
    if (token.length > TOKEN_CACHE_MAX_LENGTH || typeof claims.exp !== 'number') return;
    if (claims.nbf !== undefined && typeof claims.nbf !== 'number') return;
    this.entries.delete(token);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { user: Object.freeze({ ...user }), exp: claims.exp, ...(claims.nbf !== undefined ? { nbf: claims.nbf as number } : {}) });
  }

  get size(): number {
    return this.entries.size;
  }
}
