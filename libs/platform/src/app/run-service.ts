import { Logger } from '@nestjs/common';
import { CoreEnv, PORTS } from '../config/core.config';
import { ConfigurationError, readEnv } from '../config/define-config';
import { loadDotEnv } from '../config/load-dotenv';
import { createApp, type ServiceEntry } from './create-app';
import { exitOnSignals } from './graceful-shutdown';

/** The service's port from REQUESTS_PORT / OFFERS_PORT / MATCHING_PORT, validated. */
export function readPort(service: ServiceEntry['service'], env: NodeJS.ProcessEnv = process.env): number {
  const { variable, fallback } = PORTS[service];
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65_535) {
    throw new ConfigurationError([`${variable} (${JSON.stringify(raw)}): must be an integer port 1-65535`]);
  }
  return port;
}

/** Entry point of every service's main.ts: boot, listen, drain on SIGTERM. Exits 1 on failure. */
export async function runService(entry: ServiceEntry): Promise<void> {
  const logger = new Logger(`capmatch-${entry.service}`);
  try {
    loadDotEnv();
    const port = readPort(entry.service);
    const core = readEnv(CoreEnv);
    const app = await createApp(entry);
    exitOnSignals(app, core.SHUTDOWN_TIMEOUT_MS);
    if (process.env.HOST) await app.listen(port, process.env.HOST);
    else await app.listen(port);
    logger.log(`${entry.service} listening on port ${port}`);
  } catch (error) {
    exitOnStartupFailure(`capmatch-${entry.service}`, error);
  }
}

/**
 * A process that could not start says why on stderr (a bad variable named plainly, anything else
 * with its stack) and exits 1 at once: a half-built application may hold connections that would
 * keep it alive. Used by every service and the console.
 */
export function exitOnStartupFailure(name: string, error: unknown): never {
  // Plain stderr: the logger may not be configured yet, and the operator must see this.
  if (error instanceof ConfigurationError) process.stderr.write(`${name}: ${error.message}\n`);
  else process.stderr.write(`${name}: start-up failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
}
