import type { Server } from 'node:http';
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ServiceName } from '@capmatch/contracts';
import { createApp, drainAndClose } from '@capmatch/platform';

export interface StartedService {
  app: NestExpressApplication;
  /** The listening HTTP server: pass to supertest's request(). */
  http: Server;
  /** Base URL of the real port, for clients other than supertest. */
  url: string;
  /** Drains and closes like SIGTERM would, then restores the environment. */
  close: () => Promise<void>;
}

/**
 * Boots one service exactly as production does (config, database, migrations, relay, worker)
 * on an ephemeral port. `env` overrides variables for this app only (restored on close).
 */
export async function startService(
  service: ServiceName,
  module: Type<unknown>,
  env: Record<string, string | undefined> = {},
): Promise<StartedService> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(env);
  let app: NestExpressApplication;
  try {
    app = await createApp({ service, module });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    apply(saved);
    throw error;
  }
  const http = app.getHttpServer() as Server;
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    http,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      try {
        await drainAndClose(app);
      } finally {
        apply(saved);
      }
    },
  };
}
