import fc from 'fast-check';
import { combinationKey } from '../ranking/combination-key';
import { Rejections, type RejectedInput } from '../rules/rejections';
import { REJECTION_REASON_CODES, type CooperationType, type MatchOffer, type MatchRequest, type RequesterClassification } from '../types';
import { FACTORS } from '../scoring/factors';
import type { Weights } from '../scoring/weights';

// Small random worlds for the property specs: few vocabulary values, few countries and close
// dates, so that rule edges, equal scores and key tie-breaks come up often.

const classification = (region: string, subregion: string, intermediateRegion: string | null, flags: Partial<RequesterClassification> = {}): RequesterClassification => ({
  region, subregion, intermediateRegion, developmentStatus: 'developing', ldc: false, lldc: false, sids: false, incomeGroup: null, ...flags,
});

const REQUESTERS: Record<string, RequesterClassification> = {
  RWA: classification('africa', 'sub-saharan-africa', 'eastern-africa', { ldc: true, lldc: true }),
  KEN: classification('africa', 'sub-saharan-africa', 'eastern-africa'),
  JAM: classification('americas', 'latin-america-and-the-caribbean', 'caribbean', { sids: true }),
  BRA: classification('americas', 'latin-america-and-the-caribbean', 'south-america'),
  IND: classification('asia', 'southern-asia', null),
  // Graduated LDCs (domain.md, "Smooth transition"): one still in its transition, one past it.
  NPL: classification('asia', 'southern-asia', null, { lldc: true, ldcTransitionUntil: '2099-11-24' }),
  BWA: classification('africa', 'sub-saharan-africa', 'southern-africa', { lldc: true, ldcTransitionUntil: '1997-12-20' }),
};
const PROVIDERS = [
  { providerCountry: 'IND', origin: 'south' }, { providerCountry: 'BRA', origin: 'south' },
  { providerCountry: 'KEN', origin: 'south' }, { providerCountry: 'DEU', origin: 'north' },
  { providerCountry: 'FRA', origin: 'north' }, { providerCountry: null, origin: 'multilateral' },
] as const;

const AREAS = ['data', 'compute', 'language-technology'];
const MODALITIES = ['training', 'workshop', 'financing'];
const GROUPS = ['women-and-girls', 'rural-and-remote'];
const LANGUAGES = ['en', 'fr', 'rw', 'pt'];
const DATES = ['2026-01-01', '2026-06-30', '2026-07-01', '2026-12-31', '2027-03-15', '2027-12-31'];
const BUDGETS = [null, 0, 50_000, 100_000, 150_000, 200_000];
const TYPES: CooperationType[] = ['north-south', 'south-south', 'triangular', 'multilateral'];

const subset = <T>(values: T[], min: number, max = values.length): fc.Arbitrary<T[]> =>
  fc.shuffledSubarray(values, { minLength: min, maxLength: max });
const window = fc.tuple(fc.constantFrom(...DATES), fc.constantFrom(...DATES)).map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }));

export const requestArb = (id: string): fc.Arbitrary<MatchRequest> =>
  fc.record({
    country: fc.constantFrom(...Object.keys(REQUESTERS)),
    capacityAreas: subset(AREAS, 1, 2),
    modalities: subset(MODALITIES, 1, 2),
    sdgs: subset([1, 2, 3], 0, 2),
    targetGroups: subset(GROUPS, 0),
    deliveryLanguages: subset(LANGUAGES, 1, 3),
    cooperationTypes: fc.option(subset(TYPES, 0), { nil: undefined }),
    budgetUsd: fc.constantFrom(...BUDGETS),
    window,
    status: fc.constantFrom('open', 'open', 'open', 'open', 'withdrawn'),
  }).map((r) => ({ ...r, id, classification: REQUESTERS[r.country], priority: 'medium' as const }));

const eligibility = fc.oneof(
  fc.constant(null),
  fc.record({
    regions: subset(['africa', 'eastern-africa', 'caribbean', 'asia'], 0, 2),
    countries: subset(Object.keys(REQUESTERS), 0, 2),
    groups: subset(['ldc', 'lldc', 'sids'] as const, 0, 1),
  }),
);

export const offerArb = (id: string): fc.Arbitrary<MatchOffer> =>
  fc.record({
    provider: fc.constantFrom(...PROVIDERS),
    role: fc.constantFrom('provider', 'provider', 'facilitator') as fc.Arbitrary<'provider' | 'facilitator'>,
    capacityAreas: subset(AREAS, 1, 2),
    modalities: subset(MODALITIES, 1, 2),
    sdgs: subset([1, 2, 3], 0, 2),
    targetGroups: subset(GROUPS, 0),
    deliveryLanguages: subset(LANGUAGES, 1, 2),
    eligibility,
    budgetUsd: fc.constantFrom(...BUDGETS),
    window,
    status: fc.constantFrom('open', 'open', 'open', 'exhausted'),
    remainingSlots: fc.constantFrom(0, 1, 1, 2),
  }).map(({ provider, ...o }) => ({ ...o, ...provider, id, providerId: `p-${provider.providerCountry ?? 'multilateral'}` })); // one provider per country: several offers each

export interface World {
  requests: MatchRequest[];
  offers: MatchOffer[];
  /** Rejections with reason codes (and their effects), per request. */
  rejected: Map<string, RejectedInput>;
  topK: number;
  weights: Weights;
}

/** Weights summing to 1, some of them zero. */
export const weightsArb: fc.Arbitrary<Weights> = fc
  .array(fc.integer({ min: 0, max: 5 }), { minLength: FACTORS.length, maxLength: FACTORS.length })
  .filter((parts) => parts.some((p) => p > 0))
  .map((parts) => {
    const total = parts.reduce((a, b) => a + b, 0);
    return Object.fromEntries(FACTORS.map((f, i) => [f, parts[i] / total])) as unknown as Weights;
  });

export const worldArb: fc.Arbitrary<World> = fc
  .record({
    requestCount: fc.integer({ min: 1, max: 3 }),
    offerCount: fc.integer({ min: 0, max: 14 }),
    topK: fc.integer({ min: 1, max: 5 }),
    weights: weightsArb,
    seed: fc.integer(),
  })
  .chain(({ requestCount, offerCount, topK, weights }) =>
    fc.record({
      requests: fc.tuple(...Array.from({ length: requestCount }, (_, i) => requestArb(`r${i}`))),
      offers: offerCount ? fc.tuple(...Array.from({ length: offerCount }, (_, i) => offerArb(`o${i}`))) : fc.constant([]),
      // Mostly bare rejections (no code, or `other`), so reason-code effects do not empty
      // every world; each code still comes up in a few hundred worlds per run.
      picks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean(), fc.integer({ min: 0, max: 2 * REJECTION_REASON_CODES.length })), { maxLength: 6 }),
    }).map(({ requests, offers, picks }) => {
      const rejected = new Map<string, Rejections>();
      for (const [ri, a, b, pair, code] of picks) {
        if (offers.length === 0) break;
        const request = requests[ri % requests.length];
        const lead = offers[a % offers.length];
        const ids = pair ? [lead.id, offers[b % offers.length].id] : [lead.id];
        const rejections = rejected.get(request.id) ?? new Rejections();
        const reasonCode = REJECTION_REASON_CODES[code] ?? null;
        rejected.set(request.id, rejections.add({ key: combinationKey(request.id, ids), offerIds: ids, providerId: lead.providerId, reasonCode }));
      }
      return { requests: [...requests], offers: [...offers] as MatchOffer[], rejected, topK, weights };
    }),
  );
