// The public API of the platform (libs/platform/README.md). Services import only from here.
export { runService, readPort, exitOnStartupFailure } from './app/run-service';
export { createApp, type ServiceEntry } from './app/create-app';
export { drainAndClose, exitOnSignals } from './app/graceful-shutdown';
export { PlatformModule } from './platform.module';
export type { PlatformOptions, ServiceDatabaseOptions } from './platform-options';
export { SERVICE_NAME, PLATFORM_REDIS } from './platform.constants';
export { createRedis, deleteKeys, dataNodes, parseRedisUrl, type RedisClient, type RedisRole, type RedisSettings } from './redis/redis-connection';

export { defineConfig, readEnv, ConfigurationError } from './config/define-config';
export { IntSetting } from './config/int-setting';
export { coreConfig, CoreEnv, PORTS } from './config/core.config';
export { DEVELOPMENT_JWT_SECRET, resolveJwtKey } from './config/jwt-key';
export { loadDotEnv } from './config/load-dotenv';

export { createDataSource, dataSourceOptions, platformMigrations, MIGRATIONS_TABLE } from './database/data-source-options';
export { ensureDatabase } from './database/ensure-database';
export { runMigrationsLocked } from './database/run-migrations';
export { OneStatement, OneStatementRunner } from './database/one-statement';

export { ROLES, userFromClaims, type Role, type AuthUser } from './auth/auth-user';
export { Public, Roles, CurrentUser } from './auth/auth.decorators';
export { signToken, type TokenClaims } from './auth/sign-token';

export { InvalidFieldsException, MAX_FIELD_ERRORS, type FieldError } from './http/invalid-fields.exception';
export { problem, PROBLEM_CONTENT_TYPE, type ProblemDocument } from './http/problem';
export { ProblemDocumentDto, FieldErrorDto, ApiProblemResponses } from './http/problem-document.dto';
export { ProblemFilter } from './http/problem.filter';
export { IfMatch, parseIfMatch } from './http/if-match.decorator';
export { flattenValidationErrors, createValidationPipe } from './http/validation.pipe';

export {
  Present,
  PresentNonNull,
  rule,
  isCalendarDate,
  IsCalendarDate,
  NotBefore,
  IsLanguageCode,
  IsKnownIso3,
  IsKnownRegion,
  IsStorableText,
  textProblem,
  TextField,
  isUsdAmount,
  IsUsdAmount,
  MAX_USD,
} from './validation/field-rules';
export { OneOf, VocabularyList, LanguageList, SdgList, MAX_LIST } from './validation/vocabulary-rules';
export { WindowDto, WindowPatchDto } from './validation/window.dto';
export { ServerSetFields } from './validation/server-set';
export { UuidParam } from './validation/uuid-param';
export { QueryInt, QueryDecimal } from './validation/query-numbers';
export { bodyShapeProblems, MAX_BODY_DEPTH, MAX_KEYS_PER_OBJECT } from './validation/body-shape';

export { diffFields, type FieldDiff } from './audit/diff-fields';

export { Idempotent } from './idempotency/idempotent.decorator';
export { IdempotencyService } from './idempotency/idempotency.service';
export { canonicalJson } from './idempotency/canonical-json';
export { PageQuery, type Page } from './pagination/page-query.dto';
export { paginate, type SortKey } from './pagination/paginate';
export { encodeCursor, decodeCursor } from './pagination/cursor';

export {
  EventBusModule,
  OutboxService,
  OutboxRelay,
  EventWorker,
  HandlesEvent,
  busConfig,
  BusEnv,
  busMigration,
  RequestContext,
  type RequestContextData,
  PgListener,
  clientConfigOf,
  RelayLoop,
  busRedis,
  bullReady,
  closeRedis,
  settled,
  acceptBeforeCommit,
  beforeCommit,
  runBeforeCommit,
} from './bus';
