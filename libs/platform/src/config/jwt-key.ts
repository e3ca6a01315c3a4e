import { Logger } from '@nestjs/common';
import { ConfigurationError } from './define-config';
import type { CoreEnv } from './core.config';

/**
 * Used only when NODE_ENV is not 'production' and neither JWT_SECRET nor JWT_JWKS_URL is set,
 * so `npm start` and `npm run token` work on a fresh clone. It is public: never rely on it.
 */
export const DEVELOPMENT_JWT_SECRET = 'capmatch-development-secret-do-not-use-in-production';

export type JwtKeySource =
  | { kind: 'secret'; secret: string; development: boolean }
  | { kind: 'jwks'; url: string };

/** Decides how tokens are verified (and, for development tokens, signed). */
export function resolveJwtKey(env: Pick<CoreEnv, 'JWT_SECRET' | 'JWT_JWKS_URL' | 'NODE_ENV'>): JwtKeySource {
  if (env.JWT_JWKS_URL) return { kind: 'jwks', url: env.JWT_JWKS_URL };
  if (env.JWT_SECRET) return { kind: 'secret', secret: env.JWT_SECRET, development: false };
  if (env.NODE_ENV === 'production') {
    throw new ConfigurationError([
      'JWT_SECRET (unset): required in production unless JWT_JWKS_URL is set',
    ]);
  }
  return { kind: 'secret', secret: DEVELOPMENT_JWT_SECRET, development: true };
}

let warned = false;
/** Logs, once per process, that the public development secret is in use. */
export function warnIfDevelopmentKey(source: JwtKeySource): void {
  if (source.kind !== 'secret' || !source.development || warned) return;
  warned = true;
  new Logger('JwtKey').warn(
    'JWT_SECRET is not set: using the PUBLIC development secret. Anyone can mint tokens. ' +
      'Set JWT_SECRET (or JWT_JWKS_URL) before exposing this service; NODE_ENV=production refuses to start without it.',
  );
}
