import type { ConfigType } from '@nestjs/config';
import type { Request } from 'express';
import { SignJWT } from 'jose';
import type { coreConfig } from '../config/core.config';
import { signToken } from './sign-token';
import { TokenVerifier } from './token-verifier.service';
import { TOKEN_CACHE_MAX_LENGTH, VerifiedTokenCache } from './verified-token-cache';

const SECRET = 'verified-token-cache-spec-secret-0123456789';
const T0 = Date.UTC(2027, 0, 1, 12, 0, 0);

/** A fresh request object each time: the verifier memoises per request, the cache across them. */
const call = (verifier: TokenVerifier, token: string) => verifier.authenticate({ headers: { authorization: `Bearer ${token}` } } as Request);

function verifier(): TokenVerifier {
  return new TokenVerifier({ JWT_SECRET: SECRET, NODE_ENV: 'test' } as ConfigType<typeof coreConfig>);
}

function withNotBefore(nbf: number, exp: number): Promise<string> {
  return new SignJWT({ role: 'admin' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('admin-nbf')
    .setNotBefore(nbf)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(SECRET));
}

describe('TokenVerifier with its cache of verified tokens', () => {
  // Only Date moves: the verifier's cache and jose read the same mocked clock.
  beforeEach(() => jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('refuses a remembered token from the second its exp names, as the verifier itself does', async () => {
    const v = verifier();
    const token = await signToken({ role: 'country', sub: 'focal-rwa', country: 'RWA', expiresIn: 60 }, SECRET);
    const exp = Math.floor(T0 / 1000) + 60;
    expect(await call(v, token)).toEqual({ kind: 'valid', user: { sub: 'focal-rwa', role: 'country', country: 'RWA' } });
    jest.setSystemTime(exp * 1000 - 1);
    expect(await call(v, token)).toEqual({ kind: 'valid', user: { sub: 'focal-rwa', role: 'country', country: 'RWA' } });
    jest.setSystemTime(exp * 1000);
    expect(await call(v, token)).toEqual({ kind: 'invalid', reason: 'the token has expired' });
    // And a verifier that never saw the token says the same at that instant.
    expect(await call(verifier(), token)).toEqual({ kind: 'invalid', reason: 'the token has expired' });
  });

  it('refuses a token before its nbf, accepts it from then on, and refuses it again if the clock goes back', async () => {
    const v = verifier();
    const now = Math.floor(T0 / 1000);
    const token = await withNotBefore(now + 30, now + 3600);
    expect(await call(v, token)).toEqual({ kind: 'invalid', reason: 'the token is not valid' });
    jest.setSystemTime((now + 30) * 1000);
    expect((await call(v, token)).kind).toBe('valid');
    jest.setSystemTime((now + 29) * 1000);
    expect(await call(v, token)).toEqual({ kind: 'invalid', reason: 'the token is not valid' });
  });

  it('verifies any other string in full: a remembered token with one character changed is refused', async () => {
    const v = verifier();
    const token = await signToken({ role: 'admin', sub: 'admin-1' }, SECRET);
    expect((await call(v, token)).kind).toBe('valid');
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(await call(v, token.slice(0, -1) + last)).toEqual({ kind: 'invalid', reason: 'the token is not valid' });
    const otherKey = await signToken({ role: 'admin', sub: 'admin-1' }, `${SECRET}-other`);
    expect(await call(v, otherKey)).toEqual({ kind: 'invalid', reason: 'the token is not valid' });
  });

  it('hands out a frozen user, so no request can change what the next one sees', async () => {
    const v = verifier();
    const token = await signToken({ role: 'admin', sub: 'admin-1' }, SECRET);
    await call(v, token);
    const hit = await call(v, token);
    expect(hit.kind === 'valid' && Object.isFrozen(hit.user)).toBe(true);
  });
});

describe('VerifiedTokenCache', () => {
  const user = { sub: 's', role: 'admin' as const };
  const exp = Math.floor(T0 / 1000) + 3600;

  it('keeps at most its capacity, evicting the least recently used', () => {
    const cache = new VerifiedTokenCache(2);
    cache.remember('a', user, { exp });
    cache.remember('b', user, { exp });
    expect(cache.get('a', T0)).toBeDefined(); // a is now the most recent
    cache.remember('c', user, { exp });
    expect(cache.size).toBe(2);
    expect(cache.get('b', T0)).toBeUndefined();
    expect(cache.get('a', T0)).toBeDefined();
    expect(cache.get('c', T0)).toBeDefined();
  });

  it('does not remember over-long tokens or claims without a numeric exp', () => {
    const cache = new VerifiedTokenCache();
    cache.remember('x'.repeat(TOKEN_CACHE_MAX_LENGTH + 1), user, { exp });
    cache.remember('no-exp', user, {});
    cache.remember('odd-nbf', user, { exp, nbf: 'soon' });
    expect(cache.size).toBe(0);
  });
});
