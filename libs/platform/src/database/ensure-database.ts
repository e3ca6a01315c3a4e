import { Logger } from '@nestjs/common';
import { Client, type DatabaseError } from 'pg';

const logger = new Logger('EnsureDatabase');

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Postgres codes for "someone else created it first" when two services boot together. */
const RACED = new Set(['42P04', '23505', '42P06']);

async function createDatabase(url: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    logger.log(`Created database ${name}`);
  } catch (error) {
    const code = (error as DatabaseError).code ?? '';
    if (RACED.has(code)) return;
    if (code === '42501') {
      throw new Error(`Database ${name} does not exist and this role may not create it: create it first`);
    }
    throw error;
  } finally {
    await admin.end();
  }
}

/**
 * Makes a fresh machine just work: creates the database named in DATABASE_URL when it is missing
 * (connecting to the `postgres` maintenance database, only when the role may) and the service's
 * schema, which TypeORM needs before it can create its migrations table there.
 */
export async function ensureDatabase(url: string, schema: string): Promise<void> {
  const name = databaseName(url);
  let client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    if ((error as DatabaseError).code !== '3D000') throw error;
    await createDatabase(url, name);
    client = new Client({ connectionString: url });
    await client.connect();
  }
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } catch (error) {
    if (!RACED.has((error as DatabaseError).code ?? '')) throw error;
  } finally {
    await client.end();
  }
}
