import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Loads `.env` from the working directory (or `ENV_FILE`) once. Variables already set in the
 * environment win, so a deployment's real environment is never overridden by a stray file.
 */
let loaded = false;
export function loadDotEnv(): void {
  if (loaded) return;
  loaded = true;
  const file = resolve(process.env.ENV_FILE ?? '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
