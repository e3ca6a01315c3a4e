import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { defineConfig } from '@capmatch/platform';

/** The matching service's own settings; documented in config/.env.example. */
export class MatchingEnv {
  /** Proposed suggestions kept per open request, best first (contract: default 5). */
  @Type(() => Number) @IsInt() @Min(1) @Max(50)
  MATCH_TOP_K = 5;

  /** Fallback pass over requests queued for re-matching when no NOTIFY arrived. */
  @Type(() => Number) @IsInt() @Min(50) @Max(60_000)
  MATCH_REMATCH_POLL_MS = 2000;

  /** A pending partnership not agreed within this long expires (contract: default 30 days). */
  @Type(() => Number) @IsInt() @Min(1) @Max(31_536_000)
  PARTNERSHIP_EXPIRY_SECONDS = 2_592_000;
}

export const matchingConfig = defineConfig('matching', MatchingEnv);
