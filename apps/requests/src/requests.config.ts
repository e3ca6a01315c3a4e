import { defineConfig, IntSetting } from '@capmatch/platform';
import { LDC_SMOOTH_TRANSITION_YEARS } from '@capmatch/taxonomy';

/** The requests service's own settings; documented in config/.env.example. */
export class RequestsEnv {
  /**
   * Years a graduated LDC keeps LDC-only support after its graduation date (domain.md, "Smooth
   * transition"): recorded in each request's classification as `ldcTransitionUntil`.
   */
  @IntSetting(0, 20)
  LDC_SMOOTH_TRANSITION_YEARS = LDC_SMOOTH_TRANSITION_YEARS;
}

export const requestsConfig = defineConfig('requests', RequestsEnv);
