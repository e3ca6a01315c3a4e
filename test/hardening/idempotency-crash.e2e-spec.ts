// Idempotency across a crash (issue 11, item 1): clients post /v1/requests with their own
// Idempotency-Key and retry with the same key until answered, while the requests service, a
// child process, is SIGKILLed four times. Every key must create exactly one request, and every
// retry after the first answer must replay it: the key is recorded in the creating transaction.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { spawnService, type BenchEnvironment, type ServiceProcess } from '../../bench/pipeline/services';
import { requestBody } from '../../apps/requests/test/requests-fixtures';
import { tokenFor } from '../support/tokens';

const CLIENTS = 16;
const KEYS_PER_CLIENT = 6;
const KILLS = 4;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Idempotency-Key across SIGKILL of the requests service', () => {
  let svc: ServiceProcess;
  let db: Client;
  const env: BenchEnvironment = {
    databaseUrl: process.env.DATABASE_URL as string,
    redisUrl: process.env.REDIS_URL as string,
    queuePrefix: `${process.env.QUEUE_PREFIX}_crash`,
    jwtSecret: process.env.JWT_SECRET as string,
  };

  beforeAll(async () => {
    svc = await spawnService('requests', env, { from: 'source' });
    db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await svc?.stop();
  });

  it('creates one request per key and replays the first answer to every retry', async () => {
    const run = randomUUID().slice(0, 8);
    const auth = { Authorization: `Bearer ${await tokenFor({ role: 'country', sub: `crash-${run}`, country: 'RWA' })}` };
    const total = CLIENTS * KEYS_PER_CLIENT;
    const answers = new Map<string, string>();
    let retries = 0;

    /** Posts until a 201 arrives; connection errors, 5xx (the service restarting) and 409 are retried. */
    const post = async (key: string): Promise<{ id: string; replayed: boolean }> => {
      for (;;) {
        try {
          const res = await fetch(`${svc.url}/v1/requests`, {
            method: 'POST',
            headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': key },
            body: JSON.stringify(requestBody({ title: `crash ${run} ${key}` })),
          });
          const body = (await res.json()) as { id?: string };
          if (res.status === 201 && body.id) return { id: body.id, replayed: res.headers.get('idempotent-replayed') === 'true' };
          if (res.status < 500 && res.status !== 409) throw new Error(`unexpected ${res.status}: ${JSON.stringify(body)}`);
        } catch (error) {
          if ((error as Error).message.startsWith('unexpected')) throw error;
        }
        retries += 1;
        await pause(20);
      }
    };

    const clients = Array.from({ length: CLIENTS }, async (_, c) => {
      for (let k = 0; k < KEYS_PER_CLIENT; k++) {
        const key = `${run}-${c}-${k}`;
        answers.set(key, (await post(key)).id);
      }
    });
    const everyone = Promise.all(clients);

    for (let kill = 1; kill <= KILLS; kill++) {
      while (answers.size < (kill * total) / (KILLS + 1)) await pause(10);
      const exited = new Promise((resolve) => svc.child.once('exit', resolve));
      svc.child.kill('SIGKILL');
      await exited;
      svc = await spawnService('requests', env, { from: 'source', port: svc.port });
    }
    await everyone;

    const { rows } = await db.query<{ title: string; id: string }>(`SELECT title, id FROM requests.requests WHERE title LIKE $1`, [
      `crash ${run} %`,
    ]);
    expect(rows).toHaveLength(total);
    const idOf = new Map(rows.map((r) => [r.title.split(' ')[2], r.id]));
    for (const [key, id] of answers) expect(idOf.get(key)).toBe(id);

    // Every key once more: the first answer, replayed, nothing new.
    for (const key of [...answers.keys()].slice(0, 10)) {
      const again = await post(key);
      expect(again).toEqual({ id: answers.get(key), replayed: true });
    }
    const after = await db.query(`SELECT count(*)::int AS n FROM requests.requests WHERE title LIKE $1`, [`crash ${run} %`]);
    expect(after.rows[0].n).toBe(total);
    process.stdout.write(`idempotency crash test: ${total} keys, ${KILLS} SIGKILLs, ${retries} retries, ${rows.length} rows\n`);
  }, 240_000);
});
