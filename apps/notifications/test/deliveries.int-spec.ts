// Deliveries of the notifications service to real HTTP receivers on 127.0.0.1: who receives
// what, Standard Webhooks signatures, retries with the same webhook-id, a hanging receiver
// beside a healthy one, disabling after hours of failures, and the metrics.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import request from 'supertest';
import { waitFor } from '../../../libs/platform/test/bus/support/wait-for';
import { waitForQuiet } from '../../../test/support/quiet';
import { tokenFor } from '../../../test/support/tokens';
import { newSecret } from '../src/webhooks/secret-box';
import { envelopeOf, offerOf, partnershipOf, suggestionOf } from './events';
import { notificationsRig } from './rig';
import { TestReceiver, type Received } from './receiver';

const HOST_CONCURRENCY = 2;

describe('webhook deliveries', () => {
  const rig = notificationsRig({
    WEBHOOK_ALLOW_PRIVATE: 'true',
    // Fast retries for the test; 14 attempts keep the whole schedule over a minute, as start-up demands.
    WEBHOOK_BACKOFF_MS: '20',
    WEBHOOK_ATTEMPTS: '14',
    WEBHOOK_TIMEOUT_MS: '60000',
    WEBHOOK_HOST_CONCURRENCY: String(HOST_CONCURRENCY),
  });

  async function subscribe(token: string, url: string, events: string[]): Promise<{ id: string; secret: string }> {
    const res = await request(rig.svc.http).post('/v1/webhooks').auth(token, { type: 'bearer' }).send({ url, events });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function attempts(token: string, id: string): Promise<Array<Record<string, any>>> {
    const res = await request(rig.svc.http).get(`/v1/webhooks/${id}/deliveries?limit=200`).auth(token, { type: 'bearer' });
    expect(res.status).toBe(200);
    return res.body.items;
  }

  const ids = (received: Received[]) => received.map((r) => r.json.data.id).sort();

  it('sends each owner what it may see, and nothing else', async () => {
    const [p1, p2] = [randomUUID(), randomUUID()];
    const rwa = await tokenFor({ role: 'country', country: 'RWA' });
    const donor1 = await tokenFor({ role: 'donor', providerId: p1 });
    const donor2 = await tokenFor({ role: 'donor', providerId: p2 });
    const coordinator = await tokenFor({ role: 'coordinator', sub: 'deliveries-coordinator' });
    const all = ['suggestion.proposed', 'partnership.proposed'];
    await subscribe(rwa, rig.receiver.url('/see/rwa'), all);
    await subscribe(donor1, rig.receiver.url('/see/p1'), all);
    await subscribe(donor2, rig.receiver.url('/see/p2'), ['suggestion.proposed']);
    await subscribe(coordinator, rig.receiver.url('/see/coordinator'), ['partnership.proposed']);

    const o1 = offerOf(p1);
    const o2 = offerOf(p2);
    const forRwa = suggestionOf('RWA', [o1.id]);
    const forSen = suggestionOf('SEN', [o1.id]);
    const triangular = suggestionOf('RWA', [o2.id, o1.id]);
    const partnership = partnershipOf(forRwa, [p1]);
    await rig.feed.publish(envelopeOf('offer.published', o1), envelopeOf('offer.published', o2));
    await rig.feed.publish(
      envelopeOf('suggestion.proposed', forRwa),
      envelopeOf('suggestion.proposed', forSen),
      envelopeOf('suggestion.proposed', triangular),
    );
    await rig.feed.publish(envelopeOf('partnership.proposed', partnership));

    await waitFor('every delivery', async () => rig.receiver.received.filter((r) => r.path.startsWith('/see/')).length === 3 + 4 + 1 + 1);
    await waitForQuiet(); // nothing more is on its way
    expect(ids(rig.receiver.at('/see/rwa'))).toEqual([forRwa.id, triangular.id, partnership.id].sort());
    expect(ids(rig.receiver.at('/see/p1'))).toEqual([forRwa.id, forSen.id, triangular.id, partnership.id].sort());
    expect(ids(rig.receiver.at('/see/p2'))).toEqual([triangular.id]);
    expect(ids(rig.receiver.at('/see/coordinator'))).toEqual([partnership.id]);
    const proposed = rig.receiver.at('/see/rwa').find((r) => r.json.type === 'partnership.proposed')!;
    expect(proposed.json).toEqual({ type: 'partnership.proposed', timestamp: expect.any(String), data: partnership });
  });

  it('signs so that the Standard Webhooks verifier accepts it, and not with another secret', async () => {
    const coordinator = await tokenFor({ role: 'coordinator', sub: 'signature-coordinator' });
    const hook = await subscribe(coordinator, rig.receiver.url('/signed'), ['partnership.agreed']);
    const agreed = { ...partnershipOf(suggestionOf('NPL', [randomUUID()]), [randomUUID()]), status: 'agreed' as const };
    const event = envelopeOf('partnership.agreed', agreed);
    await rig.feed.publish(event);
    await waitFor('the signed delivery', async () => rig.receiver.at('/signed').length === 1);
    const [got] = rig.receiver.at('/signed');
    expect(got.headers['webhook-id']).toBe(event.id);
    expect(Number(got.headers['webhook-timestamp'])).toBeGreaterThan(0);
    const headers = {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature']),
    };
    expect(new Webhook(hook.secret).verify(got.body, headers)).toEqual(got.json);
    expect(() => new Webhook(newSecret()).verify(got.body, headers)).toThrow(WebhookVerificationError);
  });

  it('retries a failing receiver and delivers later with the same webhook-id', async () => {
    const coordinator = await tokenFor({ role: 'coordinator', sub: 'retry-coordinator' });
    rig.receiver.failFirst('/flaky', 3, 503);
    const hook = await subscribe(coordinator, rig.receiver.url('/flaky'), ['partnership.ended']);
    const ended = { ...partnershipOf(suggestionOf('MOZ', [randomUUID()]), [randomUUID()]), status: 'declined' as const, reason: 'declined: no' };
    const event = envelopeOf('partnership.ended', ended);
    await rig.feed.publish(event);
    await waitFor('the fourth attempt', async () => rig.receiver.at('/flaky').length === 4);
    const got = rig.receiver.at('/flaky');
    expect(got.map((r) => r.answered)).toEqual([503, 503, 503, 200]);
    expect(new Set(got.map((r) => r.headers['webhook-id']))).toEqual(new Set([event.id]));
    got.forEach((r) => expect(new Webhook(hook.secret).verify(r.body, r.headers as Record<string, string>)).toEqual(r.json));

    await waitFor('the fourth attempt recorded', async () => (await attempts(coordinator, hook.id)).length === 4);
    const listed = (await attempts(coordinator, hook.id)).reverse();
    expect(listed.map((a) => [a.attempt, a.status, a.statusCode])).toEqual([
      [1, 'retrying', 503], [2, 'retrying', 503], [3, 'retrying', 503], [4, 'delivered', 200],
    ]);
    listed.slice(0, 3).forEach((a) => {
      expect(a.error).toBe('answered 503');
      expect(Date.parse(a.nextAttemptAt)).toBeGreaterThan(Date.parse(a.at));
    });
    expect(listed[3]).toMatchObject({ eventId: event.id, eventType: 'partnership.ended', error: null, nextAttemptAt: null });
    expect(typeof listed[3].durationMs).toBe('number');
    const page = await request(rig.svc.http).get(`/v1/webhooks/${hook.id}/deliveries?limit=3`).auth(coordinator, { type: 'bearer' });
    expect(page.body.items).toHaveLength(3);
    const rest = await request(rig.svc.http)
      .get(`/v1/webhooks/${hook.id}/deliveries?limit=3&cursor=${encodeURIComponent(page.body.nextCursor)}`)
      .auth(coordinator, { type: 'bearer' });
    expect(rest.body.items.map((a: { attempt: number }) => a.attempt)).toEqual([1]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('keeps delivering to a healthy receiver while another one hangs', async () => {
    const hanging = await TestReceiver.start();
    try {
      hanging.hang('/stuck');
      const coordinator = await tokenFor({ role: 'coordinator', sub: 'hang-coordinator' });
      await subscribe(coordinator, hanging.url('/stuck'), ['partnership.agreed']);
      await subscribe(coordinator, rig.receiver.url('/healthy'), ['partnership.agreed']);
      const events = Array.from({ length: 8 }, () =>
        envelopeOf('partnership.agreed', { ...partnershipOf(suggestionOf('TON', [randomUUID()]), [randomUUID()]), status: 'agreed' as const }),
      );
      await rig.feed.publish(...events);
      await waitFor('every delivery to the healthy receiver', async () => rig.receiver.at('/healthy').length === events.length);
      // The hanging receiver never answered, and held no more than its own share of the workers.
      expect(hanging.at('/stuck').every((r) => r.answered === null)).toBe(true);
      expect(hanging.openRequests).toBeGreaterThan(0);
      expect(hanging.received.length).toBeLessThanOrEqual(HOST_CONCURRENCY);
    } finally {
      await hanging.close();
    }
  });

  it('disables a webhook that failed for WEBHOOK_DISABLE_AFTER_HOURS, and PATCH re-enables it', async () => {
    const coordinator = await tokenFor({ role: 'coordinator', sub: 'disable-coordinator' });
    rig.receiver.failFirst('/down', 1_000, 500);
    const hook = await subscribe(coordinator, rig.receiver.url('/down'), ['partnership.ended']);
    // Its failures began 73 hours ago (WEBHOOK_DISABLE_AFTER_HOURS is 72).
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    await db.query(`UPDATE notifications.webhooks SET failing_since = now() - interval '73 hours' WHERE id = $1`, [hook.id]).finally(() => db.end());
    const ended = { ...partnershipOf(suggestionOf('FJI', [randomUUID()]), [randomUUID()]), status: 'expired' as const, reason: 'expired' };
    await rig.feed.publish(envelopeOf('partnership.ended', ended));

    await waitFor('the failed attempt', async () => (await attempts(coordinator, hook.id)).length === 1);
    const [only] = await attempts(coordinator, hook.id);
    expect(only).toMatchObject({ attempt: 1, status: 'failed', statusCode: 500, nextAttemptAt: null });
    expect(only.error).toMatch(/disabled/);
    const read = await request(rig.svc.http).get(`/v1/webhooks/${hook.id}`).auth(coordinator, { type: 'bearer' });
    expect(read.body).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/72 hours/) });

    const enabled = await request(rig.svc.http).patch(`/v1/webhooks/${hook.id}`).auth(coordinator, { type: 'bearer' }).send({ enabled: true });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ enabled: true, failingSince: null, disabledAt: null, disabledReason: null });
  });

  it('counts deliveries by outcome and their latency on /metrics', async () => {
    const text = (await request(rig.svc.http).get('/metrics')).text;
    expect(text).toMatch(/capmatch_webhook_attempts_total\{outcome="delivered"\} \d+/);
    expect(text).toMatch(/capmatch_webhook_attempts_total\{outcome="retrying"\} \d+/);
    expect(text).toMatch(/capmatch_webhook_attempts_total\{outcome="failed"\} \d+/);
    expect(text).toMatch(/capmatch_webhook_attempt_duration_seconds_bucket\{le="0.1",outcome="delivered"\}/);
    expect(text).toMatch(/capmatch_webhook_delivery_latency_seconds_count \d+/);
  });
});
