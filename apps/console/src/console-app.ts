import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createValidationPipe, loadDotEnv, ProblemFilter, readEnv } from '@capmatch/platform';
import { ConsoleEnv } from './console.config';
import { ConsoleModule } from './console.module';
import { serviceProxy } from './proxy';
import { findWebDir, pageFallback } from './web-assets';

/**
 * The console process: the services' public APIs under the same origin (proxy first, so bodies
 * stream through), the built web app, and the console's own routes. Does not listen.
 */
export async function createConsoleApp(): Promise<NestExpressApplication> {
  loadDotEnv();
  const env = readEnv(ConsoleEnv);
  const app = await NestFactory.create<NestExpressApplication>(ConsoleModule, { abortOnError: false });
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
  app.enableShutdownHooks();
  return app;
}
