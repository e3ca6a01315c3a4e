import { defineConfig, IntSetting } from '@capmatch/platform';

/** The matching service's own settings; documented in config/.env.example. */
export class MatchingEnv {
  /** Proposed suggestions kept per open request, best first (contract: default 5). */
  @IntSetting(1, 50)
  MATCH_TOP_K = 5;

  /** Fallback pass over requests queued for re-matching when no NOTIFY arrived. */
  @IntSetting(50, 60_000)
  MATCH_REMATCH_POLL_MS = 2000;

  /** A pending partnership not agreed within this long expires (contract: default 30 days). */
  @IntSetting(1, 31_536_000)
  PARTNERSHIP_EXPIRY_SECONDS = 2_592_000;

  /** Wall-clock budget of one allocation plan's solve; past it the best plan found is answered with optimal: false. */
  @IntSetting(100, 600_000)
  ALLOCATION_TIME_LIMIT_MS = 30_000;
}

export const matchingConfig = defineConfig('matching', MatchingEnv);
