import type { Client } from 'pg';

const RETRYABLE = new Set(['40P01', '55P03']); // deadlock detected, lock not available

/**
 * TRUNCATE under a running service: its worker or relay may hold a row lock on one of the
 * tables (a job left over from an earlier suite in this worker's queues, say) while TRUNCATE
 * already holds another, and Postgres breaks the cycle by failing one side. Retrying is safe:
 * TRUNCATE is all or nothing.
 */
export async function truncate(client: Pick<Client, 'query'>, sql: string, attempts = 6): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(sql);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
