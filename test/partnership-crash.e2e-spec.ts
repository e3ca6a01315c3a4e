// A saga step survives SIGKILL of any one service: the three BUILT services run as child
// processes (bench/pipeline/services.ts), one is killed right after the accept, and the
// partnership still reaches `agreed` in all three services once it is back.
import { ensureBuilt, freshEnvironment, startServices, type RunningServices } from '../bench/pipeline/services';
import { CapmatchClient, type ServiceName } from '../scripts/lib/capmatch-client';
import { TokenBook } from '../scripts/lib/dev-tokens';
import { waitForQuiet } from './support/quiet';
import { offerBody, requestBody, type Json } from './support/scenario';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('partnership saga across a SIGKILL', () => {
  let services: RunningServices;
  let client: CapmatchClient;
  let tokens: TokenBook;
  let quiet: () => Promise<void>;

  beforeAll(async () => {
    ensureBuilt();
    const env = await freshEnvironment(`${process.env.TEST_DATABASE || 'capmatch_test'}_crash`, `${process.env.QUEUE_PREFIX}_crash`);
    // A job the killed service held is handed out again once its lock lapses (BullMQ's stalled
    // check): a short lock brings that within seconds, as in the no-loss test, instead of 30 s.
    services = await startServices(env, { PARTNERSHIP_EXPIRY_SECONDS: '3600', BUS_LOCK_DURATION_MS: '2000' });
    client = new CapmatchClient(services.urls);
    tokens = new TokenBook(env.jwtSecret);
    quiet = () => waitForQuiet({ databaseUrl: env.databaseUrl, prefix: env.queuePrefix, timeoutMs: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await services?.stop();
  });

  /** Polls (the killed service's jobs wait for it) until `done`, at most a minute. */
  async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await sleep(100);
    }
  }

  it.each<[ServiceName, string]>([
    ['offers', 'sn'],
    ['requests', 'ti'],
    ['matching', 'am'],
  ])('reaches agreed after %s is killed mid-saga and restarted', async (victim, language) => {
    const coordinator = await tokens.coordinator();
    const provider = await client.expect<Json>(201, 'offers', 'POST', '/v1/providers', { token: coordinator, body: { name: `crash ${victim}`, kind: 'government', country: 'JPN' } });
    const donor = await tokens.donor(provider.id);
    const offer = await client.expect<Json>(201, 'offers', 'POST', '/v1/offers', { token: donor, body: offerBody(language, { slots: 1 }) });
    const country = await tokens.country('RWA');
    const request = await client.expect<Json>(201, 'requests', 'POST', '/v1/requests', { token: country, body: requestBody(language) });
    const page = await until(
      () => client.expect<{ items: Json[] }>(200, 'matching', 'GET', `/v1/suggestions?requestId=${request.id}&status=proposed`, { token: coordinator }),
      (p) => p.items.length > 0,
    );
    const partnership = await client.expect<Json>(201, 'matching', 'POST', `/v1/suggestions/${page.items[0].id}/accept`, { token: coordinator });

    await services.kill(victim, 'SIGKILL');
    if (victim === 'matching') await services.restart('matching');
    for (const token of [country, donor]) {
      const res = await client.call<Json>('matching', 'POST', `/v1/partnerships/${partnership.id}/confirm`, { token });
      expect(res.status).toBe(200);
    }
    if (victim !== 'matching') await services.restart(victim);

    const agreed = await until(
      () => client.expect<Json>(200, 'matching', 'GET', `/v1/partnerships/${partnership.id}`, { token: coordinator }),
      (p) => p.status !== 'pending',
    );
    expect(agreed.status).toBe('agreed');
    const matched = await until(
      () => client.expect<Json>(200, 'requests', 'GET', `/v1/requests/${request.id}`, { token: coordinator }),
      (r) => r.status === 'matched',
    );
    expect(matched.status).toBe('matched');
    await quiet();
    expect(await client.expect<Json>(200, 'offers', 'GET', `/v1/offers/${offer.id}`, { token: coordinator })).toMatchObject({ remainingSlots: 0, status: 'exhausted' });
    const steps = await client.expect<{ items: Json[] }>(200, 'offers', 'GET', `/v1/offers/${offer.id}/history`, { token: coordinator });
    expect(steps.items.map((e) => e.action)).toEqual(['published', 'slot-reserved', 'partnership-agreed']);
  });
});
