// LDC smooth transition (domain.md): a country that graduated from the LDC list keeps offers
// restricted to `ldc` until the end of its transition, recorded in the request's classification
// as `ldcTransitionUntil`. Nepal graduated on 2026-11-24 (transition until 2029-11-24);
// Botswana graduated in 1994, so its transition is long over.
import { validateEvent } from '@capmatch/contracts';
import { randomUUID } from 'node:crypto';
import { waitForQuiet } from './support/quiet';
import { Scenario } from './support/scenario';
import { startStack, type Stack } from './support/stack';

describe('LDC smooth transition across the services', () => {
  let stack: Stack;
  let s: Scenario;

  beforeAll(async () => {
    stack = await startStack();
    s = new Scenario(stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('suggests an offer restricted to `ldc` to Nepal, in its transition, and not to Botswana, past it', async () => {
    const ldcOnly = { eligibility: { regions: [], countries: [], groups: ['ldc'] } };
    const offer = await s.offer(await s.provider('government', 'DEU'), 'dz', ldcOnly);
    const nepal = await s.request('NPL', 'dz');
    const rwanda = await s.request('RWA', 'dz');
    const botswana = await s.request('BWA', 'dz');
    await waitForQuiet();

    expect(nepal.classification).toMatchObject({ ldc: false, lldc: true, ldcTransitionUntil: '2029-11-24' });
    expect(rwanda.classification).toMatchObject({ ldc: true, ldcTransitionUntil: null });
    expect(botswana.classification).toMatchObject({ ldc: false, ldcTransitionUntil: '1997-12-20' });
    // The request.* events carry the snapshot the API answers; it passes the shared schema.
    const event = { id: randomUUID(), type: 'request.submitted', occurredAt: nepal.createdAt, aggregateId: nepal.id, version: 1, payload: nepal };
    expect(() => validateEvent(event)).not.toThrow();

    const forNepal = await s.proposedFor(nepal.id);
    expect(forNepal.map((x) => x.offerIds)).toEqual([[offer.id]]);
    // The equity factor counts Nepal as an LDC too.
    expect(forNepal[0].explanation).toEqual(expect.arrayContaining([
      expect.objectContaining({ factor: 'equity', score: 1, detail: expect.stringContaining('smooth transition') }),
    ]));
    expect((await s.proposedFor(rwanda.id)).map((x) => x.offerIds)).toEqual([[offer.id]]);
    expect(await s.suggestions({ requestId: botswana.id })).toEqual([]);
  });
});
