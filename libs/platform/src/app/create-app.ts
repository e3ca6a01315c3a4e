import { type INestApplication, type Type } from '@nestjs/common';
import { DiscoveryService, NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { IS_PUBLIC } from '../auth/auth.decorators';
import type { ServiceName } from '@capmatch/contracts';
import { Logger } from 'nestjs-pino';
import { CoreEnv } from '../config/core.config';
import { readEnv } from '../config/define-config';
import { resolveJwtKey } from '../config/jwt-key';
import { loadDotEnv } from '../config/load-dotenv';
import type { Server } from 'node:http';
import { answerClientErrorsAsProblems } from '../http/client-errors';
import { createValidationPipe } from '../http/validation.pipe';
import { LeanExpressAdapter } from '../http/lean-express-adapter';
import { ProblemFilter } from '../http/problem.filter';
import { installRequestPipeline } from '../http/request-pipeline';
import { PLATFORM_OPTIONS } from '../platform.constants';
import { configFactoriesOf } from '../platform.module';
import type { PlatformOptions } from '../platform-options';

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

  const app = await NestFactory.create<NestExpressApplication>(module, new LeanExpressAdapter(), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.disable('x-powered-by');
  answerClientErrorsAsProblems(app.getHttpServer() as Server);
  installRequestPipeline(app);
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app, service);
  return app;
}

/**
 * Operations of @Public() handlers declare `security: []`, so the document says they need no
 * token (an operation without `security` would inherit none and read as undocumented).
 */
function markPublicOperations(app: INestApplication, document: OpenAPIObject): void {
  const publicIds = new Set<string>();
  const reflector = app.get(Reflector);
  const scanner = app.get(DiscoveryService, { strict: false });
  for (const wrapper of scanner?.getControllers() ?? []) {
    const type = wrapper.metatype as (new () => object) | undefined;
    if (!type?.prototype) continue;
    for (const name of Object.getOwnPropertyNames(type.prototype)) {
      const handler = (type.prototype as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      if (reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, type])) publicIds.add(`${type.name}_${name}`);
    }
  }
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as Array<{ operationId?: string; security?: unknown }>) {
      if (op?.operationId && publicIds.has(op.operationId)) op.security = [];
    }
  }
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
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    // Relative: the document is served by the service it describes, on whatever host and port.
    .addServer('/', `The ${service} service that serves this document`)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  markPublicOperations(app, document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
