// npm run migration:run [-- requests offers matching] — applies pending migrations (platform
// tables first) without starting the services; creates the database and schemas when missing.
// The services do this themselves at start-up; this is for deploy pipelines that migrate first.
import { SERVICES, type ServiceName } from '@capmatch/contracts';
import { ensureDatabase, readEnv, CoreEnv, loadDotEnv, runMigrationsLocked } from '@capmatch/platform';
import type { DataSource } from 'typeorm';

async function migrate(service: ServiceName): Promise<void> {
  // The app's own data-source.ts, so the CLI and the service never disagree on the lists.
  const { default: dataSource } = (await import(`../apps/${service}/src/data-source`)) as { default: DataSource };
  await ensureDatabase(readEnv(CoreEnv).DATABASE_URL, service);
  await dataSource.initialize();
  try {
    await runMigrationsLocked(dataSource, service);
    console.log(`${service}: migrations up to date`);
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  const asked = process.argv.slice(2);
  const unknown = asked.filter((s) => !(SERVICES as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`unknown service ${unknown.join(', ')}; expected ${SERVICES.join(', ')}`);
  for (const service of (asked.length > 0 ? asked : SERVICES) as ServiceName[]) await migrate(service);
}

main().catch((error: unknown) => {
  console.error(`migration:run: ${(error as Error).message}`);
  process.exit(1);
});
