import { isEligible } from '@capmatch/taxonomy';
import type { MatchOffer, MatchRequest } from '../types';

// One check per hard rule that concerns a single offer against the request. Each returns null
// when the offer passes, or a plain-English reason. The named rules (hard-rules.ts) apply them
// to every offer of a combination; the brute-force reference applies them once per offer.

const list = (values: readonly string[]): string => (values.length ? values.join(', ') : 'none');

/** Rule 1, offer side: open and with a slot left. */
export function offerNotOpen(offer: MatchOffer): string | null {
  if (offer.status !== 'open') return `offer ${offer.id} is ${offer.status}, not open`;
  if (!(offer.remainingSlots > 0)) return `offer ${offer.id} has no remaining slot`;
  return null;
}

/** Rule 2: a provider does not serve its own country through capmatch. */
export function offerFromRequesterCountry(request: MatchRequest, offer: MatchOffer): string | null {
  return offer.providerCountry === request.country
    ? `offer ${offer.id} comes from a provider in ${request.country}, the requesting country`
    : null;
}

/** Rule 3: the requesting country is eligible under the offer's eligibility. */
export function requesterNotEligible(request: MatchRequest, offer: MatchOffer): string | null {
  // The taxonomy types its lists as mutable arrays; it only reads them.
  if (isEligible(request, offer.eligibility as Parameters<typeof isEligible>[1])) return null;
  const e = offer.eligibility;
  const terms = e ? `regions: ${list(e.regions)}; countries: ${list(e.countries)}; groups: ${list(e.groups)}` : 'none';
  return `${request.country} is not eligible under offer ${offer.id} (${terms})`;
}

/** Rule 4: the windows overlap. YYYY-MM-DD strings compare in date order. */
export function windowsDisjoint(request: MatchRequest, offer: MatchOffer): string | null {
  const r = request.window;
  const o = offer.window;
  if (o.start <= r.end && r.start <= o.end) return null;
  return `offer ${offer.id} runs ${o.start} to ${o.end}, outside the request's window ${r.start} to ${r.end}`;
}

/** Rule 5: at least one delivery language in common. */
export function noSharedLanguage(request: MatchRequest, offer: MatchOffer): string | null {
  if (offer.deliveryLanguages.some((l) => request.deliveryLanguages.includes(l))) return null;
  return `offer ${offer.id} delivers in ${list(offer.deliveryLanguages)}; the request asks for ${list(request.deliveryLanguages)}`;
}

/** Rule 6: the providing offer covers at least one requested capacity area. */
export function noSharedCapacityArea(request: MatchRequest, offer: MatchOffer): string | null {
  if (offer.capacityAreas.some((a) => request.capacityAreas.includes(a))) return null;
  return `providing offer ${offer.id} covers none of the requested capacity areas (${list(request.capacityAreas)})`;
}

/** Rules 1–6 for one offer; `providing` is true for the offer that delivers (rule 6). */
export function offerPassesAlone(request: MatchRequest, offer: MatchOffer, providing: boolean): boolean {
  return (
    offerNotOpen(offer) === null &&
    offerFromRequesterCountry(request, offer) === null &&
    windowsDisjoint(request, offer) === null &&
    noSharedLanguage(request, offer) === null &&
    (!providing || noSharedCapacityArea(request, offer) === null) &&
    requesterNotEligible(request, offer) === null
  );
}
