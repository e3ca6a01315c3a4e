import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import type { AnyEvent } from '@capmatch/contracts';
import { InboxGate, type CheckRow, type InboxVerdict } from '../../src/bus/inbox-gate';
import { prepareDatabase, testDatabaseUrl } from './support/bus-harness';

/** An envelope as the gate sees it; the gate reads only id, type, aggregate and version. */
function event(aggregateId: string, version: number, id = randomUUID()): AnyEvent {
  return { id, type: 'request.updated', aggregateId, version, occurredAt: new Date().toISOString(), payload: {} } as unknown as AnyEvent;
}

/** One batch the way EventBatcher admits it: one query, its own transaction, committed. */
async function admit(client: PoolClient, gate: InboxGate, events: AnyEvent[]): Promise<InboxVerdict[]> {
  await gate.prepare(client);
  const results = (await client.query(`START TRANSACTION; ${gate.admitStatements('matching', events)}`)) as unknown as {
    rows: CheckRow[];
  }[];
  await client.query('COMMIT');
  return gate.verdicts(events, results[results.length - 1].rows[0]);
}

describe('inbox gate against Postgres', () => {
  let pool: Pool;
  let client: PoolClient;

  beforeAll(async () => {
    await prepareDatabase(testDatabaseUrl());
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
    client = await pool.connect();
  });

  afterAll(async () => {
    client?.release();
    await pool?.end();
  });

  it('judges a batch in order: in-batch copies are duplicates, older versions stale, across batches too', async () => {
    // Quotes, a backslash and array punctuation in an aggregate id must arrive as written.
    const a = `it's a \\ {b,"c"} ${randomUUID()}`;
    const b = randomUUID();
    const first = event(a, 2);
    const gate = new InboxGate('matching');
    expect(await admit(client, gate, [first, { ...first }, event(a, 1), event(b, 1)])).toEqual(['new', 'duplicate', 'stale', 'new']);
    // A second gate of the schema on the same connection finds the statement prepared already.
    const again = new InboxGate('matching');
    expect(await admit(client, again, [first, event(a, 1), event(a, 3), event(b, 2)])).toEqual(['duplicate', 'stale', 'new', 'new']);
    const rows = await client.query('SELECT aggregate_id, max(version) AS v FROM matching.inbox WHERE aggregate_id = ANY($1) GROUP BY 1', [[a, b]]);
    expect(Object.fromEntries(rows.rows.map((r: { aggregate_id: string; v: number }) => [r.aggregate_id, r.v]))).toEqual({ [a]: 3, [b]: 2 });
  });

  it('admits an event again after its batch rolled back, with the statement still prepared', async () => {
    const gate = new InboxGate('matching');
    const retried = event(randomUUID(), 1);
    await gate.prepare(client);
    await client.query(`START TRANSACTION; ${gate.admitStatements('matching', [retried])}`);
    await client.query('ROLLBACK');
    expect(await admit(client, gate, [retried])).toEqual(['new']);
    expect(await admit(client, gate, [retried])).toEqual(['duplicate']);
  });
});
