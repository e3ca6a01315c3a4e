import { resolveJwtKey, DEVELOPMENT_JWT_SECRET } from '../config/jwt-key';
import { ConfigurationError } from '../config/define-config';
import { userFromClaims } from './auth-user';

const exp = Math.floor(Date.now() / 1000) + 60;

describe('userFromClaims', () => {
  it('builds the user of each role', () => {
    expect(userFromClaims({ sub: 'a', role: 'admin', exp })).toEqual({ sub: 'a', role: 'admin' });
    expect(userFromClaims({ sub: 'c', role: 'country', country: 'RWA', exp })).toEqual({ sub: 'c', role: 'country', country: 'RWA' });
    const providerId = '0b6c1f43-8f6c-4d2b-9a50-1f0f2e8b9c11';
    expect(userFromClaims({ sub: 'd', role: 'donor', providerId, exp })).toEqual({ sub: 'd', role: 'donor', providerId });
  });

  it.each([
    [{ role: 'admin', exp }, 'sub'],
    [{ sub: 'x'.repeat(201), role: 'admin', exp }, 'sub'],
    [{ sub: 'a\u0000b', role: 'admin', exp }, 'sub'],
    [{ sub: 'a', role: 'admin' }, 'exp'],
    [{ sub: 'a', role: 'root', exp }, 'role'],
    [{ sub: 'a', role: 'country', country: 'rw', exp }, 'country'],
    [{ sub: 'a', role: 'country', exp }, 'country'],
    [{ sub: 'a', role: 'donor', providerId: '42', exp }, 'providerId'],
  ])('refuses %j (claim %s)', (claims, claim) => {
    expect(userFromClaims(claims)).toEqual(expect.stringContaining(`"${claim}"`));
  });
});

describe('resolveJwtKey', () => {
  it('prefers the JWKS URL, then the secret', () => {
    expect(resolveJwtKey({ JWT_JWKS_URL: 'https://idp/jwks', JWT_SECRET: 's' })).toEqual({ kind: 'jwks', url: 'https://idp/jwks' });
    expect(resolveJwtKey({ JWT_SECRET: 's' })).toEqual({ kind: 'secret', secret: 's', development: false });
  });
  it('falls back to the development secret outside production only', () => {
    expect(resolveJwtKey({ NODE_ENV: 'development' })).toEqual({ kind: 'secret', secret: DEVELOPMENT_JWT_SECRET, development: true });
    expect(() => resolveJwtKey({ NODE_ENV: 'production' })).toThrow(ConfigurationError);
  });
});
