import { type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ServiceName } from '@capmatch/contracts';
import { Logger } from 'nestjs-pino';
import { CoreEnv } from '../config/core.config';
import { readEnv } from '../config/define-config';
import { resolveJwtKey } from '../config/jwt-key';
import { loadDotEnv } from '../config/load-dotenv';
import { createValidationPipe } from '../http/validation.pipe';
import { ProblemFilter } from '../http/problem.filter';
import { installRequestPipeline } from '../http/request-pipeline';
import { httpMetricsMiddleware } from '../metrics/http-metrics';
import { PLATFORM_OPTIONS } from '../platform.constants';
import { configFactoriesOf } from '../platform.module';
import type { PlatformOptions } from '../platform-options';
import { installDrainGate } from './graceful-shutdown';

export interface ServiceEntry {
  service: ServiceName;
  module: Type<unknown>;
}

/**
 * Validates the environment first (so a bad value stops start-up naming the variable before any
 * connection is made), then builds the Nest application with everything of the platform wired
 * in; the database is created and migrated while the module initialises. Does not listen.
 */
export async function createApp({ service, module }: ServiceEntry): Promise<NestExpressApplication> {
  loadDotEnv();
  resolveJwtKey(readEnv(CoreEnv));
  for (const factory of configFactoriesOf(module)) await factory();

  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.disable('x-powered-by');
  installDrainGate(app);
  app.use(httpMetricsMiddleware());
  installRequestPipeline(app);
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app, service);
  return app;
}

function setupOpenApi(app: INestApplication, service: ServiceName): void {
  const options = app.get<PlatformOptions>(PLATFORM_OPTIONS, { strict: false });
  const info = options?.openApi ?? { title: `capmatch ${service}` };
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(
      `${info.description ?? ''}\n\nErrors are RFC 9457 problem documents (application/problem+json). ` +
        'Every /v1 route needs `Authorization: Bearer <JWT>`.',
    )
    .setVersion(info.version ?? '1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
