import type { OfferSnapshot, RequestSnapshot } from '@capmatch/contracts';
import type { MatchOffer, MatchRequest } from '@capmatch/engine';

/** A request projection row as the index loads it. */
export interface RequestRow {
  id: string;
  seq: string | number;
  status: string;
  snapshot: RequestSnapshot;
}

/** An offer projection row; `free` is this service's own count of free slots. */
export interface OfferRow {
  id: string;
  seq: string | number;
  status: string;
  free: number;
  snapshot: OfferSnapshot;
}

/** The engine's view of a request; `status` is the projection's (a local accept wins). */
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
 * The engine's view of an offer. Remaining slots are the lower of the offers service's figure
 * (which lags behind our partnerships) and our own count, so an offer we just filled is never
 * suggested again while the offers service catches up.
 */
export function toMatchOffer(s: OfferSnapshot, status: string, free: number): MatchOffer {
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
    remainingSlots: Math.max(0, Math.min(s.remainingSlots, free)),
  };
}
