import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { QUEUES, SERVICES, WORK_QUEUES } from '@capmatch/contracts';
import { MIGRATIONS_TABLE } from '@capmatch/platform';
import { truncate } from './truncate';

/**
 * Empties every service table of this worker's database (migrations tables excepted) and every
 * queue and rate-limit counter under this worker's QUEUE_PREFIX, so each test starts clean.
 */
export async function resetState(): Promise<void> {
  const url = process.env.DATABASE_URL as string;
  if (!/test/.test(new URL(url).pathname)) throw new Error(`resetState refuses database ${url}: not a test database`);
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' AND table_name <> $2`,
      [[...SERVICES], MIGRATIONS_TABLE],
    );
    if (rows.length > 0) {
      const tables = rows.map((r) => `"${r.schema}"."${r.name}"`).join(', ');
      await truncate(db, `TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
    }
  } finally {
    await db.end();
  }

  const prefix = process.env.QUEUE_PREFIX as string;
  const connection = new IORedis(process.env.REDIS_URL as string, { maxRetriesPerRequest: null });
  try {
    for (const name of [...Object.values(QUEUES), ...Object.values(WORK_QUEUES)]) {
      const queue = new Queue(name, { connection, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    const keys = await connection.keys(`${prefix}:throttle:*`);
    if (keys.length > 0) await connection.del(...keys);
  } finally {
    await connection.quit();
  }
}
