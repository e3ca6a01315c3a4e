import { DataSource, type DataSourceOptions } from 'typeorm';
import { busMigration } from '../bus';
import { outboxCausationMigration } from '../bus/bus-tables.migration';
import { readEnv } from '../config/define-config';
import { CoreEnv } from '../config/core.config';
import { loadDotEnv } from '../config/load-dotenv';
import { idempotencyKeysMigration } from '../idempotency/idempotency-keys.migration';
import type { ServiceDatabaseOptions } from '../platform-options';

/** The migrations table lives in the service's schema, beside the tables it versions. */
export const MIGRATIONS_TABLE = 'migrations';

/** Platform tables first: their timestamps sort before every service migration. */
export function platformMigrations(schema: string) {
  return [busMigration(schema), outboxCausationMigration(schema), idempotencyKeysMigration(schema)];
}

export function dataSourceOptions(
  options: ServiceDatabaseOptions,
  env: Pick<CoreEnv, 'DATABASE_URL' | 'DB_POOL_SIZE'>,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    schema: options.service,
    entities: options.entities ?? [],
    migrations: [...platformMigrations(options.service), ...(options.migrations ?? [])],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
    applicationName: `capmatch-${options.service}`,
    extra: { max: env.DB_POOL_SIZE },
  };
}

/** For `data-source.ts` files and the TypeORM CLI (migration:generate / migration:run). */
export function createDataSource(options: ServiceDatabaseOptions): DataSource {
  loadDotEnv();
  return new DataSource(dataSourceOptions(options, readEnv(CoreEnv)));
}
