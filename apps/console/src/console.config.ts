import { IsOptional, IsString, IsUrl } from 'class-validator';
import { defineConfig, IntSetting } from '@capmatch/platform';

const URL_RULES = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

/** The console's own settings; documented in config/.env.example. */
export class ConsoleEnv {
  @IntSetting(1, 65_535)
  CONSOLE_PORT = 3000;

  @IsOptional() @IsString()
  HOST?: string = undefined;

  /** Where the console's same-origin proxy sends each service's public API. */
  @IsUrl(URL_RULES) REQUESTS_URL = 'http://127.0.0.1:3001';
  @IsUrl(URL_RULES) OFFERS_URL = 'http://127.0.0.1:3002';
  @IsUrl(URL_RULES) MATCHING_URL = 'http://127.0.0.1:3003';
  @IsUrl(URL_RULES) NOTIFICATIONS_URL = 'http://127.0.0.1:3004';
}

export const consoleConfig = defineConfig('console', ConsoleEnv);
