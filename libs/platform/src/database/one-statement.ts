import { Injectable } from '@nestjs/common';
import type { Pool, QueryResultRow } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';

/**
 * One SQL statement assembled from parts several owners contribute: data-modifying CTEs
 * (`with`) and columns of the final SELECT (`select`), with numbered, typed parameters. Postgres
 * runs a statement atomically even outside BEGIN/COMMIT, so rows written by its CTEs commit
 * together or not at all, in one round trip and one commit. A part that must only be written
 * when another was (say, a request row only when its idempotency key was claimed) selects FROM
 * or WHERE EXISTS on that part's RETURNING: CTEs can only see each other through RETURNING.
 */
export class OneStatement {
  readonly values: unknown[] = [];
  private readonly ctes: string[] = [];
  private readonly columns: string[] = [];

  /** A placeholder for `value`, cast to `type` (`uuid`, `text[]`, `jsonb`…). */
  param(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }

  with(name: string, sql: string): this {
    this.ctes.push(`${name} AS (${sql})`);
    return this;
  }

  /** A column of the single row the statement answers, e.g. `(SELECT count(*)::int FROM x)`. */
  select(alias: string, expression: string): this {
    this.columns.push(`${expression} AS ${alias}`);
    return this;
  }

  get text(): string {
    if (this.columns.length === 0) throw new Error('OneStatement needs at least one selected column');
    return `${this.ctes.length > 0 ? `WITH ${this.ctes.join(',\n')}\n` : ''}SELECT ${this.columns.join(', ')}`;
  }
}

/** Distinct statement texts get a prepared statement each; past this many they run unprepared. */
const MAX_PREPARED = 64;

/**
 * Runs a OneStatement on a connection of the TypeORM pool, straight through the pg driver: no
 * query runner, no transaction, one round trip. Each distinct text is a named prepared
 * statement, so Postgres parses and plans it once per connection. Errors are wrapped in
 * TypeORM's QueryFailedError, so they are answered exactly as those of TypeORM queries (22xxx:
 * 400, 23505: 409, connection trouble: 503).
 */
@Injectable()
export class OneStatementRunner {
  private readonly names = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  async run<T extends QueryResultRow>(statement: OneStatement): Promise<T> {
    const text = statement.text;
    let name = this.names.get(text);
    if (name === undefined && this.names.size < MAX_PREPARED) {
      name = `capmatch_one_${this.names.size + 1}`;
      this.names.set(text, name);
    }
    // The pg Pool TypeORM opened for this data source (its `master`; there are no replicas here).
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    try {
      const result = await pool.query<T>({ text, values: statement.values, ...(name ? { name } : {}) });
      return result.rows[0];
    } catch (error) {
      throw new QueryFailedError(text, statement.values, error as Error);
    }
  }
}
