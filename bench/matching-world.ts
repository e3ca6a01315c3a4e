import { CAPACITY_AREAS, classificationOn, COUNTRIES, MODALITIES, REGIONS, TARGET_GROUPS, type Country } from '@capmatch/taxonomy';
import { ALL_COOPERATION_TYPES, type MatchOffer, type MatchRequest } from '@capmatch/engine';
import { between, pick, type Rand } from './support/random';

// A seeded synthetic world for bench/matching.bench.ts. Every country of the dataset takes
// part; vocabularies are skewed the way demand is (skills, strategy and infrastructure asked
// far more than safety evaluation or joint labs; English far ahead of other languages), and
// 5–15% of offers are facilitator offers from the North or multilateral organisations.

/** Weighted draw without replacement of `n` distinct items; weight i of items[i]. */
function draw<T>(rand: Rand, items: readonly T[], weights: readonly number[], n: number): T[] {
  const pool = items.map((item, i) => ({ item, w: weights[i] }));
  const out: T[] = [];
  while (out.length < n && pool.length) {
    let x = rand() * pool.reduce((s, p) => s + p.w, 0);
    const i = Math.max(0, pool.findIndex((p) => (x -= p.w) < 0));
    out.push(pool.splice(i, 1)[0].item);
  }
  return out;
}

// Demand skew: position i of each closed vocabulary, most asked first in these lists.
const AREA_WEIGHTS = [15, 9, 12, 6, 12, 8, 20, 5, 10, 3]; // order of CAPACITY_AREAS
const MODALITY_WEIGHTS = [10, 14, 5, 18, 20, 6, 3, 12, 8, 4]; // order of MODALITIES
const GROUP_WEIGHTS = [10, 5, 4, 6, 8, 5, 9, 6]; // order of TARGET_GROUPS
const SDG_WEIGHTS = [3, 2, 3, 10, 6, 2, 2, 7, 10, 6, 4, 1, 2, 1, 1, 5, 8];
const SDG_LIST = Array.from({ length: 17 }, (_, i) => i + 1);
const WORLD_LANGUAGES = ['en', 'fr', 'es', 'ar', 'pt', 'ru', 'zh'];
const WORLD_LANGUAGE_WEIGHTS = [80, 30, 20, 10, 8, 6, 5];

const REQUESTERS = COUNTRIES.filter((c) => c.developmentStatus !== 'developed');
const NORTH = COUNTRIES.filter((c) => c.developmentStatus === 'developed');

function isoDate(dayOffset: number): string {
  return new Date(Date.UTC(2026, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);
}
function window(rand: Rand): { start: string; end: string } {
  const start = between(rand, 0, 3 * 365);
  return { start: isoDate(start), end: isoDate(start + between(rand, 90, 3 * 365)) };
}
const budget = (rand: Rand, share: number): number | null =>
  rand() < share ? Math.round(Math.exp(Math.log(20_000) + rand() * Math.log(100)) / 1000) * 1000 : null;

export function makeRequest(rand: Rand, id: string): MatchRequest {
  const country: Country = pick(rand, REQUESTERS);
  const local = country.languages.slice(0, 2);
  const languages = [...new Set([...local, ...(rand() < 0.8 ? draw(rand, WORLD_LANGUAGES, WORLD_LANGUAGE_WEIGHTS, 1) : [])])];
  const types = rand() < 0.5 ? undefined : draw(rand, ALL_COOPERATION_TYPES, [1, 1, 1, 1], between(rand, 1, 3));
  return {
    id,
    country: country.iso3,
    classification: classificationOn(country.iso3, '2026-01-01')!,
    capacityAreas: draw(rand, CAPACITY_AREAS, AREA_WEIGHTS, between(rand, 1, 3)),
    modalities: draw(rand, MODALITIES, MODALITY_WEIGHTS, between(rand, 1, 3)),
    sdgs: draw(rand, SDG_LIST, SDG_WEIGHTS, between(rand, 0, 3)),
    targetGroups: draw(rand, TARGET_GROUPS, GROUP_WEIGHTS, between(rand, 0, 2)),
    deliveryLanguages: languages,
    cooperationTypes: types,
    budgetUsd: budget(rand, 0.7),
    window: window(rand),
    priority: pick(rand, ['high', 'medium', 'low'] as const),
    status: 'open',
  };
}

function eligibility(rand: Rand): MatchOffer['eligibility'] {
  const x = rand();
  if (x < 0.45) return rand() < 0.5 ? null : { regions: [], countries: [], groups: [] };
  if (x < 0.7) return { regions: draw(rand, REGIONS, REGIONS.map(() => 1), between(rand, 1, 2)), countries: [], groups: [] };
  if (x < 0.85) return { regions: [], countries: [], groups: draw(rand, ['ldc', 'lldc', 'sids'] as const, [3, 1, 1], between(rand, 1, 2)) };
  return { regions: [], countries: Array.from({ length: between(rand, 1, 5) }, () => pick(rand, REQUESTERS).iso3), groups: [] };
}

/** `facilitatorShare` of offers are facilitators (north or multilateral). */
export function makeOffer(rand: Rand, id: string, facilitatorShare: number): MatchOffer {
  const facilitator = rand() < facilitatorShare;
  const kind = facilitator ? (rand() < 0.7 ? 'north' : 'multilateral') : rand() < 0.45 ? 'north' : rand() < 0.75 ? 'south' : 'multilateral';
  const home = kind === 'north' ? pick(rand, NORTH) : kind === 'south' ? pick(rand, REQUESTERS) : null;
  const languages = draw(rand, WORLD_LANGUAGES, WORLD_LANGUAGE_WEIGHTS, between(rand, 1, 3));
  if (home && rand() < 0.3) languages.push(home.languages[0]);
  if (rand() < 0.1) languages.push(pick(rand, pick(rand, REQUESTERS).languages));
  return {
    id,
    providerId: `provider-${Math.floor(rand() * 2000)}`,
    providerCountry: home ? home.iso3 : null,
    origin: kind,
    role: facilitator ? 'facilitator' : 'provider',
    capacityAreas: draw(rand, CAPACITY_AREAS, AREA_WEIGHTS, between(rand, 1, 4)),
    modalities: draw(rand, MODALITIES, MODALITY_WEIGHTS, between(rand, 1, 4)),
    sdgs: draw(rand, SDG_LIST, SDG_WEIGHTS, between(rand, 0, 4)),
    targetGroups: draw(rand, TARGET_GROUPS, GROUP_WEIGHTS, between(rand, 0, 3)),
    deliveryLanguages: [...new Set(languages)],
    eligibility: eligibility(rand),
    budgetUsd: budget(rand, facilitator ? 0.95 : 0.6),
    window: window(rand),
    status: 'open',
    remainingSlots: between(rand, 1, 5),
  };
}
