import { signToken, type TokenClaims } from '@capmatch/platform';

export interface TestTokenOptions extends TokenClaims {
  /** Defaults to the test JWT_SECRET of env.setup.ts; pass another to get a wrongly signed token. */
  secret?: string;
}

/** A signed bearer token (without the "Bearer " prefix) for the given role and claims. */
export function tokenFor(options: TestTokenOptions): Promise<string> {
  const { secret = process.env.JWT_SECRET as string, ...claims } = options;
  return signToken(claims, secret);
}
