// POST /v1/requests writes its four rows (request, history entry, outbox event, idempotency key)
// as ONE statement instead of a transaction of five. These specs hold it to the transaction's
// guarantees: all four or none (a failure forced in the middle of the statement leaves nothing),
// a repeat of a key creates nothing and answers the first answer, also while the first is
// still running, and what is stored is what the answer says.
import { Client } from 'pg';
import { waitFor } from '../../../libs/platform/test/bus/support/wait-for';
import { requestBody, requestsWorld } from './requests-fixtures';

describe('POST /v1/requests as one statement', () => {
  const world = requestsWorld();
  const { http } = world;
  const keys = async () => Number((await world.db.query('SELECT count(*)::int AS n FROM requests.idempotency_keys')).rows[0].n);


  it('stores the row, the submitted entry, the event and the key with exactly the answer', async () => {
    const res = await http().post('/v1/requests').set(world.h.own).set('Idempotency-Key', 'one-1').set('X-Request-Id', 'req-one-1').send(requestBody());
    expect(res.status).toBe(201);
    const created = res.body;
    expect((await http().get(`/v1/requests/${created.id}`).set(world.h.own)).body).toEqual(created);
    const { rows: [row] } = await world.db.query(
      `SELECT budget_usd::text AS budget, sdgs, window_start::text AS start, created_at = updated_at AS same, created_by FROM requests.requests`,
    );
    expect(row).toEqual({ budget: '250000', sdgs: [4, 9, 10], start: '2027-01-01', same: true, created_by: 'focal-rwa' });
    const history = (await http().get(`/v1/requests/${created.id}/history`).set(world.h.own)).body.items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'submitted', actor: { sub: 'focal-rwa', role: 'country' }, version: 1, at: created.createdAt });
    expect(history[0].changes).toContainEqual({ field: 'country', from: null, to: 'RWA' });
    const { rows: events } = await world.db.query(`SELECT type, aggregate_id, version, payload, correlation_id FROM requests.outbox`);
    expect(events).toEqual([{ type: 'request.submitted', aggregate_id: created.id, version: 1, payload: created, correlation_id: 'req-one-1' }]);
    const { rows: [key] } = await world.db.query(`SELECT caller, status_code, body FROM requests.idempotency_keys WHERE key = 'one-1'`);
    expect(key).toEqual({ caller: 'country|focal-rwa|RWA|', status_code: 201, body: created });
  });

  describe('a failure in the middle of the statement', () => {
    afterEach(() => world.db.query(`DROP FUNCTION IF EXISTS requests.refuse_insert() CASCADE`));

    // A trigger that refuses the insert into one table: the statement fails at that part.
    it.each(['requests', 'request_history', 'outbox', 'idempotency_keys'])('into %s leaves no row in any table, and the key free', async (table) => {
      await world.db.query(`CREATE FUNCTION requests.refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
      await world.db.query(`CREATE TRIGGER refuse_insert BEFORE INSERT ON requests.${table} FOR EACH ROW EXECUTE FUNCTION requests.refuse_insert()`);
      const failed = await http().post('/v1/requests').set(world.h.own).set('Idempotency-Key', `mid-${table}`).send(requestBody());
      expect(failed.status).toBe(500);
      expect(failed.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await world.db.counts()).toEqual({ requests: 0, history: 0, outbox: 0 });
      expect(await keys()).toBe(0);

      await world.db.query(`DROP FUNCTION requests.refuse_insert() CASCADE`);
      const retry = await http().post('/v1/requests').set(world.h.own).set('Idempotency-Key', `mid-${table}`).send(requestBody());
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
      expect(await world.db.counts()).toEqual({ requests: 1, history: 1, outbox: 1 });
      expect(await keys()).toBe(1);
    });
  });

  it('a repeat of a key arriving while the first statement waits creates nothing and answers the first answer', async () => {
    // Hold the requests table so both statements queue up behind it, then let them race.
    const holder = new Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE requests.requests IN SHARE MODE');
      const send = () => http().post('/v1/requests').set(world.h.own).set('Idempotency-Key', 'race-1').send(requestBody()).then((r) => r);
      const both = [send(), send()];
      await waitFor('both creates to wait on the table lock', async () => {
        const { rows } = await world.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
        return rows[0].n >= 2;
      });
      await holder.query('COMMIT');
      const [a, b] = await Promise.all(both);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body).toEqual(a.body);
      expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].sort()).toEqual(['true', undefined]);
      expect(await world.db.counts()).toEqual({ requests: 1, history: 1, outbox: 1 });
    } finally {
      await holder.end();
    }
  });

  it('a key used with another body is 422 and writes nothing', async () => {
    await http().post('/v1/requests').set(world.h.own).set('Idempotency-Key', 'body-1').send(requestBody()).expect(201);
    const res = await http().post('/v1/requests').set(world.h.own).set('Idempotency-Key', 'body-1').send(requestBody({ title: 'Another title here' }));
    expect(res.status).toBe(422);
    expect(await world.db.counts()).toEqual({ requests: 1, history: 1, outbox: 1 });
  });

  it('an expired key is taken over: the request is created anew', async () => {
    await world.db.query(
      `INSERT INTO requests.idempotency_keys (caller, key, fingerprint, status_code, body, expires_at)
       VALUES ('country|focal-rwa|RWA|', 'old-1', $1, 201, '{"id":"gone"}', now() - interval '1 minute')`,
      ['0'.repeat(64)],
    );
    const res = await http().post('/v1/requests').set(world.h.own).set('Idempotency-Key', 'old-1').send(requestBody());
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(res.body.id).not.toBe('gone');
    expect(await world.db.counts()).toEqual({ requests: 1, history: 1, outbox: 1 });
    const { rows: [key] } = await world.db.query(`SELECT body->>'id' AS id FROM requests.idempotency_keys WHERE key = 'old-1'`);
    expect(key.id).toBe(res.body.id);
  });

  it('without a key writes the three rows and no key', async () => {
    await http().post('/v1/requests').set(world.h.own).send(requestBody()).expect(201);
    expect(await world.db.counts()).toEqual({ requests: 1, history: 1, outbox: 1 });
    expect(await keys()).toBe(0);
  });
});
