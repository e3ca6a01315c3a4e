import { Logger } from '@nestjs/common';
import { CoreEnv, exitOnSignals, exitOnStartupFailure, readEnv } from '@capmatch/platform';
import { ConsoleEnv } from './console.config';
import { createConsoleApp } from './console-app';

async function main(): Promise<void> {
  const app = await createConsoleApp();
  const env = readEnv(ConsoleEnv);
  if (env.HOST) await app.listen(env.CONSOLE_PORT, env.HOST);
  else await app.listen(env.CONSOLE_PORT);
  new Logger('Console').log(`capmatch console on port ${env.CONSOLE_PORT}`);
  // Drains like the services: a second signal while draining is ignored, a third forces exit.
  exitOnSignals(app, readEnv(CoreEnv).SHUTDOWN_TIMEOUT_MS);
}

main().catch((error: unknown) => exitOnStartupFailure('capmatch-console', error));
