import { SignJWT } from 'jose';
import type { Role } from './auth-user';

export interface TokenClaims {
  role: Role;
  sub?: string;
  country?: string;
  providerId?: string;
  /** A jose time span ('1h', '30d') or seconds from now; negative numbers make expired tokens. */
  expiresIn?: string | number;
  issuer?: string;
  audience?: string;
}

/** Signs an HS256 token as the services expect it (development tokens, tests). */
export async function signToken(claims: TokenClaims, secret: string): Promise<string> {
  const { role, country, providerId, expiresIn = '12h', issuer, audience } = claims;
  const sub = claims.sub ?? `${role}:${country ?? providerId ?? 'dev'}`;
  const jwt = new SignJWT({ role, ...(country ? { country } : {}), ...(providerId ? { providerId } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt();
  if (typeof expiresIn === 'number') jwt.setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn);
  else jwt.setExpirationTime(expiresIn);
  if (issuer) jwt.setIssuer(issuer);
  if (audience) jwt.setAudience(audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
