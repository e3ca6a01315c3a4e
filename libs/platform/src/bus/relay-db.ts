import type { Pool, PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

export interface RelayResult<R> {
  rows: R[];
  rowCount: number;
}

export type RelayQuery = <R = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<RelayResult<R>>;

/**
 * The little the relay needs from Postgres: a statement, and a transaction on one connection.
 * In the service's thread it is TypeORM's pool; in the relay's own worker thread a small pg
 * pool of its own (TypeORM's DataSource cannot cross threads).
 */
export interface RelayDb {
  query: RelayQuery;
  transaction<T>(work: (query: RelayQuery) => Promise<T>): Promise<T>;
}

export function typeormRelayDb(dataSource: DataSource): RelayDb {
  const on = (runner: QueryRunner): RelayQuery => async (sql, params) => {
    const result = await runner.query(sql, params, true);
    return { rows: result.records, rowCount: result.affected ?? result.records.length };
  };
  return {
    query: async (sql, params) => {
      const runner = dataSource.createQueryRunner();
      try {
        return await on(runner)(sql, params);
      } finally {
        await runner.release();
      }
    },
    transaction: async (work) => {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        const result = await work(on(runner));
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      } finally {
        await runner.release();
      }
    },
  };
}

export function poolRelayDb(pool: Pool): RelayDb {
  const on = (client: Pool | PoolClient): RelayQuery => async <R>(sql: string, params?: unknown[]) => {
    const result = await client.query(sql, params);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  };
  return {
    query: on(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dropped rather than returned to the pool.
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}
