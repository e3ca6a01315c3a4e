import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

const logger = new Logger('Migrations');

/**
 * Runs pending migrations under a session advisory lock keyed by schema, so several instances of
 * one service starting together apply each migration exactly once.
 */
export async function runMigrationsLocked(dataSource: DataSource, schema: string): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [`capmatch.migrations.${schema}`]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const m of applied) logger.log(`Applied ${schema} migration ${m.name}`);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`capmatch.migrations.${schema}`]).catch(() => undefined);
    await runner.release();
  }
}
