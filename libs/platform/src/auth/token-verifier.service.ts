import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import type { Request } from 'express';
import { coreConfig } from '../config/core.config';
import { resolveJwtKey, warnIfDevelopmentKey } from '../config/jwt-key';
import { userFromClaims, type AuthUser } from './auth-user';

/** What a request's Authorization header amounts to; computed once per request. */
export type Authentication =
  | { kind: 'none' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'valid'; user: AuthUser };

const results = new WeakMap<Request, Promise<Authentication>>();

@Injectable()
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly options: JWTVerifyOptions;

  constructor(@Inject(coreConfig.KEY) cfg: ConfigType<typeof coreConfig>) {
    const source = resolveJwtKey(cfg);
    warnIfDevelopmentKey(source);
    this.key = source.kind === 'jwks' ? createRemoteJWKSet(new URL(source.url)) : new TextEncoder().encode(source.secret);
    this.options = {
      algorithms: source.kind === 'jwks' ? ['RS256'] : ['HS256'],
      issuer: cfg.JWT_ISSUER,
      audience: cfg.JWT_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
    };
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
    try {
      const { payload } =
        this.key instanceof Uint8Array
          ? await jwtVerify(match[1], this.key, this.options)
          : await jwtVerify(match[1], this.key, this.options);
      const user = userFromClaims(payload);
      return typeof user === 'string' ? { kind: 'invalid', reason: user } : { kind: 'valid', user };
    } catch (error) {
      const code = (error as { code?: string }).code;
      const reason = code === 'ERR_JWT_EXPIRED' ? 'the token has expired' : 'the token is not valid';
      return { kind: 'invalid', reason };
    }
  }
}
