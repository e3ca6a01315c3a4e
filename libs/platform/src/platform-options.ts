import type { ConfigFactory } from '@nestjs/config';
import type { ServiceName } from '@capmatch/contracts';
import type { MigrationInterface } from 'typeorm';

/** What a service hands to PlatformModule.forService and createDataSource. */
export interface ServiceDatabaseOptions {
  /** The service; also its Postgres schema. */
  service: ServiceName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  /** The service's own migrations; the platform's (bus tables, idempotency keys) run first. */
  migrations?: Array<new () => MigrationInterface>;
}

export interface PlatformOptions extends ServiceDatabaseOptions {
  openApi?: { title: string; description?: string; version?: string };
  /** Extra validated config namespaces (defineConfig) to load. */
  config?: ConfigFactory[];
}
