import { cooperationTypeOf } from '@capmatch/taxonomy';
import { explain } from './explanation';
import type { PreparedOffer, PreparedRequest } from './prepared';
import { FACTOR_COUNT } from './factors';
import { bundleFactors, combine, round3, singleFactors } from './fits';
import type { Ranked } from '../ranking/top-k';
import type { CooperationType, Suggestion } from '../types';

/** Factors of a single offer or a provider + facilitator bundle, into `out`. */
export function factorsOf(r: PreparedRequest, offers: readonly PreparedOffer[], out: Float64Array): Float64Array {
  return offers.length === 1 ? singleFactors(r, offers[0], out) : bundleFactors(r, offers[0], offers[1], out);
}

/** Turns a ranked entry into the suggestion the service stores, with its explanation. */
export function toSuggestion(r: PreparedRequest, entry: Ranked, weights: Float64Array): Suggestion {
  const factors = factorsOf(r, entry.offers, new Float64Array(FACTOR_COUNT));
  const raw = entry.offers.map((o) => o.offer);
  return {
    requestId: r.request.id,
    offerIds: raw.map((o) => o.id),
    // Non-null: hard rules 7 and 9 already held for every ranked combination.
    cooperationType: cooperationTypeOf(raw) as CooperationType,
    score: round3(combine(weights, factors)),
    explanation: explain(r, entry.offers, factors, weights),
    key: entry.key,
  };
}
