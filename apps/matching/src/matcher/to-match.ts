import type { OfferSnapshot, RequestSnapshot } from '@capmatch/contracts';
import type { MatchOffer, MatchRequest } from '@capmatch/engine';
export type { OfferRow, RequestRow } from '../store/projection-store';

/** The engine's view of a request; `status` is the projection's. */
export function toMatchRequest(s: RequestSnapshot, status: string): MatchRequest {
  return {
    id: s.id,
    country: s.country,
    classification: s.classification,
    capacityAreas: s.capacityAreas,
    modalities: s.modalities,
    sdgs: s.sdgs,
    targetGroups: s.targetGroups,
    deliveryLanguages: s.deliveryLanguages,
    cooperationTypes: s.cooperationTypes,
    budgetUsd: s.budgetUsd,
    window: s.window,
    priority: s.priority,
    status,
  };
}

/**
 * The engine's view of an offer. Remaining slots are the offers service's count, the authority
 * (`slots` − pending − agreed partnerships): matching keeps no count of its own.
 */
export function toMatchOffer(s: OfferSnapshot, status: string): MatchOffer {
  return {
    id: s.id,
    providerId: s.providerId,
    providerCountry: s.provider.country,
    origin: s.origin,
    role: s.role,
    capacityAreas: s.capacityAreas,
    modalities: s.modalities,
    sdgs: s.sdgs,
    targetGroups: s.targetGroups,
    deliveryLanguages: s.deliveryLanguages,
    eligibility: s.eligibility,
    budgetUsd: s.budgetUsd,
    window: s.window,
    status,
    remainingSlots: Math.max(0, s.remainingSlots),
  };
}
