// Expiry of a pending partnership: a BullMQ delayed job per partnership, here after 2 seconds,
// surviving a restart of the matching service (the job lives in Redis, not in the process).
import { Queue } from 'bullmq';
import { JOB_QUEUES } from '@capmatch/contracts';
import { waitForQuiet } from './support/quiet';
import { SagaScenario } from './support/saga';
import { useStack } from './support/stack';

const EXPIRY_SECONDS = 2;

/** Polls until `read` gives a value `done` accepts (the delayed job is not in waitForQuiet's view). */
async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, limitMs = 30_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('partnership expiry', () => {
  let s: SagaScenario;

  useStack((stack) => {
    s = new SagaScenario(stack);
  }, { matchingEnv: { PARTNERSHIP_EXPIRY_SECONDS: String(EXPIRY_SECONDS) } });

  it('ends a partnership nobody agreed within PARTNERSHIP_EXPIRY_SECONDS: expired, slots free, re-matched', async () => {
    const w = await s.world('wo');
    const p = await s.propose(w.request.id, w.offer.id);
    expect(new Date(p.expiresAt).getTime() - new Date(p.createdAt).getTime()).toBe(EXPIRY_SECONDS * 1000);
    await waitForQuiet();
    expect((await s.act(w.country, p.id, 'confirm')).status).toBe(200);
    expect((await s.readOffer(w.offer.id)).remainingSlots).toBe(0);

    const ended = await eventually(() => s.partnership(p.id), (x) => x.status !== 'pending');
    expect(ended).toMatchObject({ status: 'expired', reason: 'expired' });
    await waitForQuiet();
    expect(await s.readOffer(w.offer.id)).toMatchObject({ remainingSlots: 1, status: 'open' });
    expect((await s.proposedFor(w.request.id)).some((x) => x.offerIds.includes(w.offer.id))).toBe(true);
    expect((await s.history('matching', `/v1/partnerships/${p.id}`)).map((e) => e.action).pop()).toBe('expired');
    // Too late to confirm now.
    expect((await s.act(w.donor, p.id, 'confirm')).status).toBe(409);
  });

  it('expires after a restart of the matching service: the job is in Redis', async () => {
    const w = await s.world('ln');
    const p = await s.propose(w.request.id, w.offer.id);
    await waitForQuiet();
    await s.stack.restartMatcher();
    const ended = await eventually(() => s.partnership(p.id), (x) => x.status !== 'pending');
    expect(ended.status).toBe('expired');
    await waitForQuiet();
    expect((await s.readOffer(w.offer.id)).remainingSlots).toBe(1);
  });

  it('does nothing when the partnership was agreed before the job fires', async () => {
    const w = await s.world('kg');
    const p = await s.propose(w.request.id, w.offer.id);
    await waitForQuiet();
    await s.act(w.country, p.id, 'confirm');
    expect((await s.act(w.donor, p.id, 'confirm')).body.status).toBe('agreed');
    // The job runs at expiresAt and is removed once done: wait until it is gone.
    const queue = new Queue(JOB_QUEUES.partnershipExpiry, { connection: { url: process.env.REDIS_URL }, prefix: process.env.QUEUE_PREFIX });
    try {
      expect(await eventually(async () => (await queue.getJob(p.id)) ?? null, (job) => job === null)).toBeNull();
    } finally {
      await queue.close();
    }
    expect((await s.partnership(p.id)).status).toBe('agreed');
  });
});
