import { Client } from 'pg';
import request from 'supertest';
import { startService, type StartedService } from '../../../test/support/app';
import { AppModule } from '../src/app.module';
import { tokenFor } from '../../../test/support/tokens';
import { truncate } from '../../../test/support/truncate';

/** A valid body for POST /v1/requests (the contract's example). */
export function requestBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Kinyarwanda speech data for public services',
    description: 'Collect and license speech data so ministries can offer voice services.',
    language: 'en',
    capacityAreas: ['language-technology', 'data'],
    modalities: ['technical-assistance', 'training'],
    sdgs: [4, 9, 10],
    targetGroups: ['rural-and-remote'],
    deliveryLanguages: ['rw', 'en', 'fr'],
    cooperationTypes: ['north-south', 'south-south', 'triangular'],
    budgetUsd: 250000,
    window: { start: '2027-01-01', end: '2027-12-31' },
    nationalStrategyRef: 'National AI Policy 2023, pillar 2',
    priority: 'high',
    ...overrides,
  };
}

export type Caller = 'own' | 'other' | 'donor' | 'coordinator' | 'admin' | 'none';
export const CALLERS: Caller[] = ['own', 'other', 'donor', 'coordinator', 'admin', 'none'];

/** Bearer header values of each caller; `own` is Rwanda's focal point, `other` Bangladesh's. */
export async function headersFor(): Promise<Record<Caller, Record<string, string>>> {
  const bearer = async (claims: Parameters<typeof tokenFor>[0]) => ({ Authorization: `Bearer ${await tokenFor(claims)}` });
  return {
    own: await bearer({ sub: 'focal-rwa', role: 'country', country: 'RWA' }),
    other: await bearer({ sub: 'focal-bgd', role: 'country', country: 'BGD' }),
    donor: await bearer({ sub: 'donor-1', role: 'donor', providerId: '4f3a2f0e-8b7c-4d1e-9a55-0c5b6f1d2e3a' }),
    coordinator: await bearer({ sub: 'coord-1', role: 'coordinator' }),
    admin: await bearer({ sub: 'admin-1', role: 'admin' }),
    none: {},
  };
}

/** Direct reads of the service's tables, to check what was (not) written. */
export class RequestsDb {
  private constructor(private readonly client: Client) {}

  static async connect(): Promise<RequestsDb> {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    return new RequestsDb(client);
  }

  async counts(): Promise<{ requests: number; history: number; outbox: number }> {
    const { rows } = await this.client.query(`SELECT
      (SELECT count(*)::int FROM requests.requests) AS requests,
      (SELECT count(*)::int FROM requests.request_history) AS history,
      (SELECT count(*)::int FROM requests.outbox) AS outbox`);
    return rows[0];
  }

  async events(aggregateId?: string): Promise<Array<{ id: string; type: string; version: number; aggregate_id: string; payload: any }>> {
    const { rows } = await this.client.query(
      `SELECT id, type, version, aggregate_id, payload FROM requests.outbox WHERE $1::text IS NULL OR aggregate_id = $1 ORDER BY seq`,
      [aggregateId ?? null],
    );
    return rows;
  }

  async truncate(): Promise<void> {
    await truncate(
      this.client,
      `TRUNCATE requests.request_history, requests.requests, requests.outbox, requests.inbox, requests.idempotency_keys`,
    );
  }

  query(sql: string, params: unknown[] = []) {
    return this.client.query(sql, params);
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** One spec file's world: the requests service booted once, its tables emptied before each test. */
export interface RequestsWorld {
  http: () => ReturnType<typeof request>;
  db: RequestsDb;
  h: Record<Caller, Record<string, string>>;
}

/** Registers the hooks that boot the service, connect to its tables and empty them before each test. */
export function requestsWorld(): RequestsWorld {
  let svc: StartedService | undefined;
  const world = { http: () => request(svc!.http) } as RequestsWorld;
  beforeAll(async () => {
    svc = await startService('requests', AppModule);
    world.db = await RequestsDb.connect();
    world.h = await headersFor();
  });
  beforeEach(() => world.db.truncate());
  afterAll(async () => {
    await world.db?.close();
    await svc?.close();
  });
  return world;
}
