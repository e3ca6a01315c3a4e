// The console server booted in the test process, in front of a running stack (or any URLs).
import type { Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createConsoleApp } from '../../apps/console/src/console-app';
import type { Stack } from './stack';

export interface StartedConsole {
  app: NestExpressApplication;
  http: Server;
  url: string;
  close: () => Promise<void>;
}

export async function startConsole(upstreams: Partial<Record<'REQUESTS_URL' | 'OFFERS_URL' | 'MATCHING_URL' | 'NOTIFICATIONS_URL', string>>,
  env: Record<string, string> = {}): Promise<StartedConsole> {
  const all = { ...upstreams, ...env };
  const saved = Object.fromEntries(Object.keys(all).map((k) => [k, process.env[k]]));
  Object.assign(process.env, all);
  try {
    const app = await createConsoleApp();
    await app.listen(0, '127.0.0.1');
    const http = app.getHttpServer() as Server;
    const address = http.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return { app, http, url: `http://127.0.0.1:${port}`, close: () => app.close() };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export const upstreamsOf = (stack: Stack) => ({
  REQUESTS_URL: stack.requests.url, OFFERS_URL: stack.offers.url, MATCHING_URL: stack.matching.url, NOTIFICATIONS_URL: stack.notifications.url,
});
