// npm run token -- --role country --country RWA
// npm run token -- --role donor --provider <uuid> | --role coordinator | --role admin
// Prints a signed HS256 development token for the JWT_SECRET the services use (same resolution:
// JWT_SECRET, else the public development secret outside production).
import { parseArgs } from 'node:util';
import {
  CoreEnv,
  ROLES,
  loadDotEnv,
  readEnv,
  resolveJwtKey,
  signToken,
  userFromClaims,
  type Role,
} from '@capmatch/platform';

function fail(message: string): never {
  process.stderr.write(`token: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      country: { type: 'string' },
      provider: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
    strict: true,
  });
  if (!values.role || !(ROLES as readonly string[]).includes(values.role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  loadDotEnv();
  const env = readEnv(CoreEnv);
  const key = resolveJwtKey(env);
  if (key.kind === 'jwks') fail('JWT_JWKS_URL is set: tokens come from your identity provider, not from here');
  if (key.development) process.stderr.write('token: JWT_SECRET is not set, signing with the public development secret\n');

  const claims = {
    role: values.role as Role,
    country: values.country?.toUpperCase(),
    providerId: values.provider,
    sub: values.sub,
    expiresIn: values.expires,
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
  };
  // Refuse what the services would refuse, with the same words.
  const checked = userFromClaims({ sub: claims.sub ?? 'x', exp: 1, role: claims.role, country: claims.country, providerId: claims.providerId });
  if (typeof checked === 'string') fail(checked.replace('claim "providerId"', '--provider').replace('claim "country"', '--country'));
  process.stdout.write(`${await signToken(claims, key.secret)}\n`);
}

main().catch((error: unknown) => fail((error as Error).message));
