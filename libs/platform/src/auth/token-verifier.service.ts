import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { Request } from 'express';
import { coreConfig } from '../config/core.config';
import { resolveJwtKey, warnIfDevelopmentKey } from '../config/jwt-key';
import { userFromClaims, type AuthUser } from './auth-user';
import { VerifiedTokenCache } from './verified-token-cache';

/** What a request's Authorization header amounts to; computed once per request. */
export type Authentication =
  | { kind: 'none' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'valid'; user: AuthUser };

const results = new WeakMap<Request, Promise<Authentication>>();

@Injectable()
export class TokenVerifier {
  private readonly verify: (jwt: string) => Promise<JWTPayload>;
  /** Tokens already verified against the fixed secret (none for a JWKS, whose keys rotate). */
  private readonly verified?: VerifiedTokenCache;

  constructor(@Inject(coreConfig.KEY) cfg: ConfigType<typeof coreConfig>) {
    const source = resolveJwtKey(cfg);
    warnIfDevelopmentKey(source);
    const options: JWTVerifyOptions = {
      // Pinned per key kind: a token may not pick its own algorithm (no "none", no HS/RS confusion).
      algorithms: source.kind === 'jwks' ? ['RS256'] : ['HS256'],
      issuer: cfg.JWT_ISSUER,
      audience: cfg.JWT_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
    };
    if (source.kind === 'jwks') {
      const jwks = createRemoteJWKSet(new URL(source.url));
      this.verify = async (jwt) => (await jwtVerify(jwt, jwks, options)).payload;
    } else {
      const secret = new TextEncoder().encode(source.secret);
      this.verify = async (jwt) => (await jwtVerify(jwt, secret, options)).payload;
      this.verified = new VerifiedTokenCache();
    }
  }

  /** Memoised per request: the throttler (tracker) and the auth guard both need it. */
  authenticate(req: Request): Promise<Authentication> {
    let result = results.get(req);
    if (!result) {
      result = this.verifyHeader(req.headers.authorization);
      results.set(req, result);
    }
    return result;
  }

  private async verifyHeader(header: string | undefined): Promise<Authentication> {
    if (!header) return { kind: 'none' };
    const match = /^Bearer\s+([A-Za-z0-9_.-]+)\s*$/i.exec(header);
    if (!match) return { kind: 'invalid', reason: 'the Authorization header must be "Bearer <token>"' };
    const token = match[1];
    const known = this.verified?.get(token);
    if (known) return { kind: 'valid', user: known };
    try {
      const claims = await this.verify(token);
      const user = userFromClaims(claims);
      if (typeof user === 'string') return { kind: 'invalid', reason: user };
      this.verified?.remember(token, user, claims);
      return { kind: 'valid', user };
    } catch (error) {
      const code = (error as { code?: string }).code;
      const reason = code === 'ERR_JWT_EXPIRED' ? 'the token has expired' : 'the token is not valid';
      return { kind: 'invalid', reason };
    }
  }
}
