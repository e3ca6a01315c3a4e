import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { encodeCursor } from '@capmatch/platform';
import { startService, type StartedService } from '../../../test/support/app';
import { resetState } from '../../../test/support/reset';
import { tokenFor } from '../../../test/support/tokens';
import { gate, ProbeModule, resetGate } from './support/probe.module';
import { waitFor } from './bus/support/wait-for';

describe('platform idempotency and pagination', () => {
  let svc: StartedService;
  let token: string;
  let db: DataSource;
  const body = { name: 'first probe', capacityAreas: ['data'], window: { start: '2027-01-01', end: '2027-02-01' } };
  const count = async () => Number((await db.query(`SELECT count(*) AS n FROM requests.platform_probe`))[0].n);

  beforeAll(async () => {
    svc = await startService('requests', ProbeModule);
    db = svc.app.get(DataSource);
    token = await tokenFor({ role: 'admin', sub: 'admin-1' });
  });
  beforeEach(() => resetState());
  afterAll(() => svc?.close());

  describe('Idempotency-Key', () => {
    // The same guarantees with the key looked up first and with the look-up left to recordIn.
    describe.each(['/v1/probes', '/v1/probes/direct'])('POST %s', (path) => {
      it('answers the first response again for the same key and caller, creating nothing new', async () => {
        const first = await request(svc.http).post(path).auth(token, { type: 'bearer' }).set('Idempotency-Key', 'k-1').send(body);
        const again = await request(svc.http).post(path).auth(token, { type: 'bearer' }).set('Idempotency-Key', 'k-1').send(body);
        expect(first.status).toBe(201);
        expect(again.status).toBe(201);
        expect(again.body).toEqual(first.body);
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(await count()).toBe(1);
      });

      it('422 when the key comes back with a different body', async () => {
        await request(svc.http).post(path).auth(token, { type: 'bearer' }).set('Idempotency-Key', 'k-3').send(body);
        const res = await request(svc.http)
          .post(path)
          .auth(token, { type: 'bearer' })
          .set('Idempotency-Key', 'k-3')
          .send({ ...body, name: 'another probe' });
        expect(res.status).toBe(422);
        expect(await count()).toBe(1);
      });

      it('records the key with the change: a second call while the first is in its transaction waits and replays', async () => {
        resetGate();
        const held = { ...body, name: 'held probe' };
        const first = request(svc.http).post(path).auth(token, { type: 'bearer' }).set('Idempotency-Key', 'k-8').send(held).then((r) => r);
        await gate.entered.promise;
        const second = request(svc.http).post(path).auth(token, { type: 'bearer' }).set('Idempotency-Key', 'k-8').send(held).then((r) => r);
        // The second insert of the key blocks behind the first transaction's; wait until Postgres shows it waiting.
        await waitFor('the second call to wait on the key', async () => {
          const rows: unknown[] = await db.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
          return rows.length > 0;
        });
        gate.released.resolve();
        const [a, b] = await Promise.all([first, second]);
        expect([a.status, b.status]).toEqual([201, 201]);
        expect(b.body).toEqual(a.body);
        expect(b.headers['idempotent-replayed']).toBe('true');
        expect(await count()).toBe(1);
      });
    });

    it('keeps keys apart per caller and creates anew without a key', async () => {
      const other = await tokenFor({ role: 'admin', sub: 'admin-2' });
      await request(svc.http).post('/v1/probes').auth(token, { type: 'bearer' }).set('Idempotency-Key', 'k-2').send(body);
      const theirs = await request(svc.http).post('/v1/probes').auth(other, { type: 'bearer' }).set('Idempotency-Key', 'k-2').send(body);
      expect(theirs.headers['idempotent-replayed']).toBeUndefined();
      await request(svc.http).post('/v1/probes').auth(token, { type: 'bearer' }).send(body);
      expect(await count()).toBe(3);
    });

    it('400 naming Idempotency-Key when the header is too long', async () => {
      const res = await request(svc.http).post('/v1/probes').auth(token, { type: 'bearer' }).set('Idempotency-Key', 'x'.repeat(256)).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    });

    it('compares bodies as JSON: the same fields in another order replay', async () => {
      const reversed = Object.fromEntries(Object.entries(body).reverse());
      const first = await request(svc.http).post('/v1/probes').auth(token, { type: 'bearer' }).set('Idempotency-Key', 'k-6').send(body);
      const again = await request(svc.http).post('/v1/probes').auth(token, { type: 'bearer' }).set('Idempotency-Key', 'k-6').send(reversed);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await count()).toBe(1);
    });

    it('scopes keys to the tenant claims: the same sub for another country is another caller', async () => {
      const rwa = await tokenFor({ role: 'country', sub: 'focal-1', country: 'RWA' });
      const ken = await tokenFor({ role: 'country', sub: 'focal-1', country: 'KEN' });
      await request(svc.http).post('/v1/probes').auth(rwa, { type: 'bearer' }).set('Idempotency-Key', 'k-7').send(body).expect(201);
      const res = await request(svc.http).post('/v1/probes').auth(ken, { type: 'bearer' }).set('Idempotency-Key', 'k-7').send(body);
      expect(res.status).toBe(201);
      expect(res.headers['idempotent-replayed']).toBeUndefined();
      expect(await count()).toBe(2);
    });

    it('frees the key when the first attempt fails, so a retry runs again', async () => {
      const first = await request(svc.http).post('/v1/probes/fail').auth(token, { type: 'bearer' }).set('Idempotency-Key', 'k-4');
      const retry = await request(svc.http).post('/v1/probes/fail').auth(token, { type: 'bearer' }).set('Idempotency-Key', 'k-4');
      expect([first.status, retry.status]).toEqual([500, 500]);
      expect(Number((await db.query(`SELECT count(*) AS n FROM requests.idempotency_keys`))[0].n)).toBe(0);
    });

    it('takes over a claim without an answer left by the earlier claim-first scheme', async () => {
      await db.query(
        `INSERT INTO requests.idempotency_keys (caller, key, fingerprint, expires_at) VALUES ('admin|admin-1||', 'k-5', $1, now() + interval '1 day')`,
        ['0'.repeat(64)],
      );
      const res = await request(svc.http).post('/v1/probes').auth(token, { type: 'bearer' }).set('Idempotency-Key', 'k-5').send(body);
      expect(res.status).toBe(201);
      expect(await count()).toBe(1);
    });
  });

  describe('paginate', () => {
    it('walks every row exactly once in mixed-direction order, with a null cursor at the end', async () => {
      // Equal ranks and equal timestamps force the tie-breakers to do their work.
      for (let i = 0; i < 11; i++) {
        await db.query(`INSERT INTO requests.platform_probe (id, name, rank, created_at) VALUES ($1, $2, $3, $4)`, [
          randomUUID(),
          `p${i}`,
          i % 3,
          i < 6 ? '2027-01-01T00:00:00.123456Z' : `2027-01-0${1 + (i % 4)}T00:00:00.000001Z`,
        ]);
      }
      const expected: Array<{ id: string }> = await db.query(
        `SELECT id FROM requests.platform_probe ORDER BY rank ASC, created_at DESC, id ASC`,
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: request.Response = await request(svc.http)
          .get('/v1/probes')
          .query({ limit: 4, ...(cursor ? { cursor } : {}) })
          .auth(token, { type: 'bearer' });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(4);
        seen.push(...res.body.items.map((p: { id: string }) => p.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected.map((r) => r.id));
    });

    it('400 naming cursor for garbage, a wrong shape, or values the column rejects', async () => {
      const bad = ['%%%', 'bm90LWpzb24', encodeCursor({ id: 'x' }), encodeCursor({ rank: 'abc', createdAt: 'x', id: 'y' })];
      for (const cursor of bad) {
        const res = await request(svc.http).get('/v1/probes').query({ cursor }).auth(token, { type: 'bearer' });
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      }
    });

    it('400 naming limit outside 1-200', async () => {
      for (const limit of ['0', '201', 'ten']) {
        const res = await request(svc.http).get('/v1/probes').query({ limit }).auth(token, { type: 'bearer' });
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('limit');
      }
    });
  });
});
