// Development tokens for scripts, signed exactly like `npm run token`: the platform's signer
// with the key the services resolve from the same environment (JWT_SECRET, else the public
// development secret outside production). Nothing about the key is decided here.
import { CoreEnv, loadDotEnv, readEnv, resolveJwtKey, signToken, type TokenClaims } from '@capmatch/platform';

export type Claims = Omit<TokenClaims, 'expiresIn'>;

/** The HS256 secret the running services verify with; fails clearly when they use a JWKS URL. */
export function developmentSecret(env: NodeJS.ProcessEnv = process.env): string {
  loadDotEnv();
  const key = resolveJwtKey(readEnv(CoreEnv, env));
  if (key.kind !== 'secret') {
    throw new Error('JWT_JWKS_URL is set: the services verify RS256 tokens from a key set, which scripts cannot sign');
  }
  return key.secret;
}

/** Signs and caches one token per caller for the life of the script. */
export class TokenBook {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly secret: string = developmentSecret()) {}

  get(claims: Claims): Promise<string> {
    const id = `${claims.role}|${claims.country ?? ''}|${claims.providerId ?? ''}|${claims.sub ?? ''}`;
    let token = this.cache.get(id);
    if (!token) {
      token = signToken({ ...claims, expiresIn: '6h' }, this.secret);
      this.cache.set(id, token);
    }
    return token;
  }

  coordinator(): Promise<string> {
    return this.get({ role: 'coordinator' });
  }

  country(iso3: string): Promise<string> {
    return this.get({ role: 'country', country: iso3 });
  }

  donor(providerId: string): Promise<string> {
    return this.get({ role: 'donor', providerId });
  }
}
