import { TokenBook } from '../../scripts/lib/dev-tokens';
import type { BenchEnvironment } from '../pipeline/services';
import { request as syntheticRequest } from '../pipeline/synthetic';
import { rng } from '../support/random';

/** 2,000 seeded request bodies, each with its country's token, handed out round-robin by call number. */
export async function bodies(env: BenchEnvironment): Promise<(i: number) => { body: string; token: string }> {
  const tokens = new TokenBook(env.jwtSecret);
  const r = rng(11);
  const pool = Array.from({ length: 2000 }, (_, i) => syntheticRequest(r, i));
  const tokenOf = new Map<string, string>();
  for (const { country } of pool) if (!tokenOf.has(country)) tokenOf.set(country, await tokens.country(country));
  const encoded = pool.map(({ country, body }) => ({ body: JSON.stringify(body), token: tokenOf.get(country)! }));
  return (i: number) => encoded[i % encoded.length];
}
