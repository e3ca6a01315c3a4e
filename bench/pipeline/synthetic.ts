// Synthetic but plausible load for the pipeline benchmark, from a seeded generator so every run
// loads the same 10,000 offers and submits the same requests. The mix follows the domain:
// northern, southern and multilateral providers, about one offer in ten a facilitator, open
// and restricted eligibility, UN languages plus local ones.
import {
  CAPACITY_AREAS,
  COUNTRIES,
  MODALITIES,
  TARGET_GROUPS,
  type ProviderKind,
} from '@capmatch/taxonomy';
import type { OfferBody, ProviderBody, RequestBody } from '../../scripts/lib/api-types';
import { between, pick, rng, type Rand } from '../support/random';

function some<T>(r: Rand, xs: readonly T[], min: number, max: number): T[] {
  const n = between(r, min, max);
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
  return out;
}

const UN_LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru', 'pt'];
const SOUTH_REGIONS = ['africa', 'asia', 'latin-america-and-the-caribbean', 'oceania', 'sub-saharan-africa', 'south-eastern-asia', 'western-asia', 'central-asia'];
const REQUESTERS = COUNTRIES.filter((c) => c.developmentStatus !== 'developed' && c.unMember);
const NORTH = COUNTRIES.filter((c) => c.developmentStatus === 'developed' && c.unMember).map((c) => c.iso3);
const SOUTH = REQUESTERS.map((c) => c.iso3);

export function providers(count: number, seed = 7): ProviderBody[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const roll = r();
    if (roll < 0.1) return { name: `Bench multilateral ${i}`, kind: pick(r, ['multilateral', 'development-bank'] as ProviderKind[]) };
    const kinds: ProviderKind[] = ['government', 'academia', 'private-sector', 'civil-society', 'technical-community'];
    const country = roll < 0.55 ? pick(r, NORTH) : pick(r, SOUTH);
    return { name: `Bench provider ${i} (${country})`, kind: pick(r, kinds), country };
  });
}

function languagesFor(r: Rand, local: string[]): string[] {
  return [...new Set([...some(r, UN_LANGUAGES, 1, 3), ...some(r, local, 0, 1)])];
}

export function offer(r: Rand, provider: ProviderBody, i: number): OfferBody {
  const north = provider.country === undefined || NORTH.includes(provider.country);
  const facilitator = north && r() < 0.2;
  const startYear = 2026 + Math.floor(r() * 2);
  const eligibilityRoll = r();
  const eligibility =
    eligibilityRoll < 0.5
      ? { regions: [], countries: [], groups: [] }
      : eligibilityRoll < 0.8
        ? { regions: some(r, SOUTH_REGIONS, 1, 2), countries: [], groups: [] }
        : { regions: [], countries: some(r, SOUTH, 3, 12), groups: some(r, ['ldc', 'lldc', 'sids'] as const, 1, 2) };
  return {
    title: `Bench offer ${i}: ${facilitator ? 'co-financing' : 'capacity-building'} programme`,
    description: 'Synthetic offer loaded by the pipeline benchmark.',
    language: 'en',
    capacityAreas: some(r, CAPACITY_AREAS, 1, 3),
    modalities: facilitator ? ['financing'] : some(r, MODALITIES, 1, 3),
    sdgs: some(r, Array.from({ length: 17 }, (_, k) => k + 1), 1, 4),
    targetGroups: some(r, TARGET_GROUPS, 0, 2),
    deliveryLanguages: languagesFor(r, ['sw', 'rw', 'am', 'bn', 'ne', 'km', 'hi', 'id', 'uz']),
    eligibility,
    slots: 1 + Math.floor(r() * 8),
    budgetUsd: Math.round(20_000 + r() * 980_000),
    role: facilitator ? 'facilitator' : 'provider',
    window: { start: `${startYear}-0${1 + Math.floor(r() * 9)}-01`, end: `${startYear + 1 + Math.floor(r() * 2)}-12-31` },
    openSource: r() < 0.4,
    civilianUseOnly: true,
  };
}

export interface SyntheticRequest {
  country: string;
  body: RequestBody;
}

export function request(r: Rand, i: number): SyntheticRequest {
  const country = pick(r, REQUESTERS);
  return {
    country: country.iso3,
    body: {
      title: `Bench request ${i}: ${pick(r, CAPACITY_AREAS)} for ${country.name}`.slice(0, 200),
      description: 'Synthetic request submitted by the pipeline benchmark.',
      language: 'en',
      capacityAreas: some(r, CAPACITY_AREAS, 1, 2),
      modalities: some(r, MODALITIES, 1, 2),
      sdgs: some(r, Array.from({ length: 17 }, (_, k) => k + 1), 1, 3),
      targetGroups: some(r, TARGET_GROUPS, 0, 2),
      deliveryLanguages: [...new Set([pick(r, UN_LANGUAGES), 'en', ...country.languages.slice(0, 1)])],
      budgetUsd: Math.round(30_000 + r() * 500_000),
      window: { start: '2027-02-01', end: '2027-12-31' },
      priority: pick(r, ['high', 'medium', 'low'] as const),
    },
  };
}
