import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CoreEnv, createValidationPipe, loadDotEnv, ProblemFilter, readEnv } from '@capmatch/platform';
import { ConsoleEnv } from './console.config';
import { ConsoleModule } from './console.module';
import { serviceProxy } from './proxy';
import { findWebDir, pageFallback } from './web-assets';

const NEST_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const UP_TO: Record<string, number> = { fatal: 1, error: 2, warn: 3, info: 4, debug: 5, trace: 6, silent: 0 };

/** LOG_LEVEL (the services' pino levels) as Nest's logger levels. */
export function nestLogLevels(level: string): LogLevel[] | false {
  const n = UP_TO[level] ?? 4;
  return n === 0 ? false : NEST_LEVELS.slice(0, n);
}

/**
 * The console process: the services' public APIs under the same origin (proxy first, so bodies
 * stream through), the built web app, and the console's own routes. Does not listen.
 */
export async function createConsoleApp(): Promise<NestExpressApplication> {
  loadDotEnv();
  const env = readEnv(ConsoleEnv);
  const core = readEnv(CoreEnv);
  const app = await NestFactory.create<NestExpressApplication>(ConsoleModule, { abortOnError: false, logger: nestLogLevels(core.LOG_LEVEL) });
  app.use(serviceProxy(env));
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  const webDir = findWebDir();
  if (webDir) {
    app.useStaticAssets(webDir, { index: false, maxAge: '1h' });
    app.use(pageFallback(webDir));
  } else {
    new Logger('Console').warn('The web app is not built (npm run build): only the API proxy and /console routes answer');
  }
  const doc = new DocumentBuilder()
    .setTitle('capmatch console')
    .setDescription('The web console\'s own routes. The services\' APIs pass through unchanged under /v1 (see each service\'s /docs).')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc));
  return app;
}
