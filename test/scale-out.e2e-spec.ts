// Several matching instances over one database and one set of queues must behave like one:
// the same workload, run once with a single instance and once with two, ends with the same
// suggestions, and never with two live suggestions for the same combination. The workload
// keeps every request under MATCH_TOP_K candidates so that the final sets do not depend on
// how ties at the cut-off are broken.
import { waitForQuiet } from './support/quiet';
import { Scenario, type Json } from './support/scenario';
import { startStack, type Stack } from './support/stack';

const OFFERS = [
  { key: 'N1', kind: 'government', country: 'DEU', lang: 'sn', extra: {} },
  { key: 'S1', kind: 'academia', country: 'BRA', lang: 'sn', extra: {} },
  { key: 'M1', kind: 'multilateral', country: undefined, lang: 'sn', extra: {} },
  { key: 'F1', kind: 'government', country: 'NOR', lang: 'sn', extra: { role: 'facilitator', modalities: ['financing'] } },
  { key: 'S2', kind: 'government', country: 'IND', lang: 'rn', extra: { capacityAreas: ['skills-and-education', 'compute'] } },
  { key: 'S3', kind: 'technical-community', country: 'ZAF', lang: 'rn', extra: { sdgs: [4, 5] } },
  { key: 'F2', kind: 'development-bank', country: undefined, lang: 'rn', extra: { role: 'facilitator', modalities: ['financing'] } },
] as const;

const REQUESTS = [
  { key: 'r-rwa', country: 'RWA', lang: 'sn', extra: {} },
  { key: 'r-sen', country: 'SEN', lang: 'sn', extra: { cooperationTypes: ['north-south', 'south-south'] } },
  { key: 'r-bol', country: 'BOL', lang: 'sn', extra: { targetGroups: ['indigenous-peoples'] } },
  { key: 'r-fji', country: 'FJI', lang: 'sn', extra: { priority: 'high' } },
  { key: 'r-npl', country: 'NPL', lang: 'rn', extra: {} },
  { key: 'r-hti', country: 'HTI', lang: 'rn', extra: { cooperationTypes: ['triangular'] } },
  { key: 'r-uzb', country: 'UZB', lang: 'rn', extra: { budgetUsd: 500000 } },
  { key: 'r-jam', country: 'JAM', lang: 'sn', extra: { modalities: ['technical-assistance'] } },
] as const;

type Outcome = string[];

/** Runs the workload concurrently against the stack and describes the end state by keys. */
async function runWorkload(stack: Stack): Promise<Outcome> {
  const s = new Scenario(stack);
  const keyOf = new Map<string, string>();
  const creations = [
    ...OFFERS.map(async (o) => {
      const created = await s.offer(await s.provider(o.kind, o.country), o.lang, { title: `Offer ${o.key}`, ...o.extra });
      keyOf.set(created.id, o.key);
    }),
    ...REQUESTS.map(async (r) => {
      const created = await s.request(r.country, r.lang, { title: `Request ${r.key}`, ...r.extra });
      keyOf.set(created.id, r.key);
    }),
  ];
  await Promise.all(creations);
  await waitForQuiet();

  // Decisions go to different instances, as a load balancer would spread them.
  const requestId = (key: string) => [...keyOf].find(([, k]) => k === key)![0];
  const offerKeys = (x: Json) => x.offerIds.map((id: string) => keyOf.get(id)).join('+');
  const pick = async (key: string, offers: string) => (await s.proposedFor(requestId(key))).find((x) => offerKeys(x) === offers)!;
  const last = stack.matchers[stack.matchers.length - 1];
  expect((await s.post(last, `/v1/suggestions/${(await pick('r-rwa', 'M1')).id}/accept`)).status).toBeLessThan(300);
  expect((await s.post(stack.matching, `/v1/suggestions/${(await pick('r-npl', 'S3')).id}/reject`, { reason: 'Duplicate of a bilateral project' })).status).toBeLessThan(300);
  await waitForQuiet();

  const all: Json[] = [];
  for (const r of REQUESTS) all.push(...(await s.suggestions({ requestId: requestId(r.key) }, last)));
  const live = all.filter((x) => x.status === 'proposed');
  const combos = live.map((x) => `${x.requestId}|${x.offerIds.join('+')}`);
  expect(new Set(combos).size).toBe(combos.length);
  return all
    .filter((x) => x.status !== 'superseded')
    .map((x) => `${keyOf.get(x.requestId)} ${offerKeys(x)} ${x.cooperationType} ${x.status} ${Number(x.score).toFixed(4)}`)
    .sort();
}

describe('matching scaled out to two instances', () => {
  let stack: Stack | undefined;

  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  it('gives the same suggestions as a single instance, without duplicates', async () => {
    stack = await startStack();
    const single = await runWorkload(stack);
    await stack.close();
    stack = undefined;

    stack = await startStack({ matchingInstances: 2 });
    const double = await runWorkload(stack);

    expect(single.length).toBeGreaterThan(REQUESTS.length);
    expect(single.some((line) => line.includes('triangular'))).toBe(true);
    expect(double).toEqual(single);
  });

  it('lets one partnership keep the last slot when the racers reach different instances', async () => {
    stack = await startStack({ matchingInstances: 2 });
    const s = new Scenario(stack);
    const offer = await s.offer(await s.provider('government', 'FIN'), 'nd', { slots: 1 });
    const requests = await Promise.all(['MWI', 'UGA', 'ZMB', 'LSO'].map((c) => s.request(c, 'nd')));
    await waitForQuiet();
    const suggestions = await Promise.all(requests.map(async (r) => (await s.proposedFor(r.id))[0]));
    const answers = await Promise.all(
      suggestions.map((x, i) => s.post(stack!.matchers[i % 2], `/v1/suggestions/${x.id}/accept`)),
    );
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    await waitForQuiet();
    expect(await s.readOffer(offer.id)).toMatchObject({ remainingSlots: 0, status: 'exhausted' });
    const partnerships = (await s.get(stack.matching, `/v1/partnerships?offerId=${offer.id}&limit=200`)).body.items;
    expect(partnerships.filter((p: Json) => p.status === 'pending' || p.status === 'agreed')).toHaveLength(1);
  });
});
