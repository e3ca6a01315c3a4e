import { cooperationTypeOf } from '@capmatch/taxonomy';
import { explain, requestTexts } from './explanation';
import type { PreparedOffer, PreparedRequest } from './prepared';
import { FACTOR_COUNT } from './factors';
import { bundleFactors, combine, round3, singleFactors } from './fits';
import type { Ranked } from '../ranking/top-k';
import type { CooperationType, Suggestion } from '../types';

/** Factors of a single offer or a provider + facilitator bundle, into `out`. */
export function factorsOf(r: PreparedRequest, offers: readonly PreparedOffer[], out: Float64Array): Float64Array {
  return offers.length === 1 ? singleFactors(r, offers[0], out) : bundleFactors(r, offers[0], offers[1], out);
}

/** Turns ranked entries of one request into the suggestions the service stores, with their explanations. */
export function toSuggestions(r: PreparedRequest, entries: readonly Ranked[], weights: Float64Array): Suggestion[] {
  if (entries.length === 0) return [];
  const texts = requestTexts(r);
  return entries.map((entry) => {
    const factors = factorsOf(r, entry.offers, new Float64Array(FACTOR_COUNT));
    const raw = entry.offers.map((o) => o.offer);
    return {
      requestId: r.request.id,
      offerIds: raw.map((o) => o.id),
      // Non-null: hard rules 7 and 9 already held for every ranked combination.
      cooperationType: cooperationTypeOf(raw) as CooperationType,
      score: round3(combine(weights, factors)),
      explanation: explain(texts, entry.offers, factors, weights),
      key: entry.key,
    };
  });
}
