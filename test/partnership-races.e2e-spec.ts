// The two races of issue 10, run with real concurrency many times against the three services.
// Each trial counts as a violation when an invariant of the contract fails once the queues are
// quiet; the figures are printed, and the test asserts there were none.
import request from 'supertest';
import { ISO_639_3_WITHOUT_639_1 } from '@capmatch/taxonomy';
import { waitForQuiet } from './support/quiet';
import { SagaScenario } from './support/saga';
import type { Json } from './support/scenario';
import { useStack } from './support/stack';
import { tokenFor } from './support/tokens';

const TRIALS = Number(process.env.RACE_TRIALS ?? 10);
// A delivery language per trial, so no trial's objects are matched with another's (rule 5).
const languages = [...ISO_639_3_WITHOUT_639_1];
const report = (line: string) => process.stdout.write(`${line}\n`);
// A trial takes a few seconds on a loaded 2-CPU machine; the test's time limit follows the count.
const LIMIT_MS = 60_000 + TRIALS * 15_000;

describe('partnership races', () => {
  let s: SagaScenario;

  useStack((stack) => {
    s = new SagaScenario(stack);
  });

  it('lowering slots during accepts never leaves more pending + agreed partnerships than slots', async () => {
    const violations: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const lang = languages.shift() as string;
      const provider = await s.provider('government', 'NOR');
      const offer = await s.offer(provider, lang, { slots: 2 });
      const requests = await Promise.all(['RWA', 'SEN', 'MOZ', 'ETH'].map((c) => s.request(c, lang)));
      await waitForQuiet();
      const suggestions = await Promise.all(requests.map(async (r) => (await s.proposedFor(r.id))[0]));
      const donor = await tokenFor({ role: 'donor', providerId: provider.id });
      const lower = () => request(s.stack.offers.http).patch(`/v1/offers/${offer.id}`).auth(donor, { type: 'bearer' }).send({ slots: 1 });
      const accepts = suggestions.map((x) => () => s.post(s.stack.matching, `/v1/suggestions/${x.id}/accept`));
      const racers = [...accepts.slice(0, 2), lower, ...accepts.slice(2)];
      const answers = await Promise.all(racers.map((run) => run()));
      await waitForQuiet();
      const after = await s.readOffer(offer.id);
      const live = await s.liveOn(offer.id);
      const patch = answers[2].status;
      if (live.length > after.slots) violations.push(`trial ${trial}: ${live.length} live partnerships on ${after.slots} slot(s)`);
      if (after.remainingSlots !== after.slots - live.length) {
        violations.push(`trial ${trial}: remainingSlots ${after.remainingSlots} with slots ${after.slots} and ${live.length} live`);
      }
      if (patch !== 200 && patch !== 409) violations.push(`trial ${trial}: PATCH answered ${patch}`);
      if (patch === 409 && after.slots !== 2) violations.push(`trial ${trial}: PATCH refused but slots are ${after.slots}`);
    }
    report(`race "lower slots during accepts": ${TRIALS} trials, ${violations.length} violations${violations.length ? `\n  ${violations.join('\n  ')}` : ''}`);
    expect(violations).toEqual([]);
  }, LIMIT_MS);

  it('a withdrawal racing an accept (or the last confirmation) never leaves an agreed partnership or a slot taken', async () => {
    const violations: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const lang = languages.shift() as string;
      const w = await s.world(lang, 'UGA');
      const withdraw = () =>
        request(s.stack.requests.http).post(`/v1/requests/${w.request.id}/withdraw`).auth(w.country, { type: 'bearer' }).send({ reason: 'Race' });
      let partnershipId: string | undefined;
      if (trial % 2 === 0) {
        // The withdrawal races the accept itself.
        const [proposal] = (await s.proposedFor(w.request.id)).filter((x) => x.offerIds.includes(w.offer.id));
        const [accepted] = await Promise.all([s.post(s.stack.matching, `/v1/suggestions/${proposal.id}/accept`), withdraw()]);
        partnershipId = accepted.status === 201 ? accepted.body.id : undefined;
        if (partnershipId) await Promise.all([s.act(w.country, partnershipId, 'confirm'), s.act(w.donor, partnershipId, 'confirm')]);
      } else {
        // The withdrawal races the last confirmation, once the slot is reserved and the request held.
        const p = await s.propose(w.request.id, w.offer.id);
        partnershipId = p.id;
        await waitForQuiet();
        await s.act(w.country, p.id, 'confirm');
        await Promise.all([s.act(w.donor, p.id, 'confirm'), withdraw()]);
      }
      await waitForQuiet();
      const req = await s.readRequest(w.request.id);
      const offer = await s.readOffer(w.offer.id);
      const partnership: Json | undefined = partnershipId ? await s.partnership(partnershipId) : undefined;
      if (req.status === 'withdrawn' && partnership?.status === 'agreed') violations.push(`trial ${trial}: agreed partnership on a withdrawn request`);
      if (req.status === 'withdrawn' && offer.remainingSlots !== offer.slots) violations.push(`trial ${trial}: slot still taken after the withdrawal`);
      if (req.status === 'matched' && partnership?.status !== 'agreed') violations.push(`trial ${trial}: matched without an agreed partnership`);
      if (partnership?.status === 'agreed' && req.status !== 'matched') violations.push(`trial ${trial}: agreed but request ${req.status}`);
    }
    report(`race "withdrawal against accept / last confirmation": ${TRIALS} trials, ${violations.length} violations${violations.length ? `\n  ${violations.join('\n  ')}` : ''}`);
    expect(violations).toEqual([]);
  }, LIMIT_MS);
});
