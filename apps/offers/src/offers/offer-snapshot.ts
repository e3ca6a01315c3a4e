import type { OfferSnapshot, ProviderSummary } from '@capmatch/contracts';
import type { OfferEntity } from './offer.entity';

/**
 * The full current state of an offer, exactly the contract's OfferSnapshot: it is both the HTTP
 * answer and every offer event's payload, so what clients see and what matching sees never drift.
 */
export function toOfferSnapshot(offer: OfferEntity, provider: ProviderSummary): OfferSnapshot {
  return {
    id: offer.id,
    providerId: offer.providerId,
    provider: { name: provider.name, kind: provider.kind, country: provider.country },
    origin: offer.origin,
    title: offer.title,
    description: offer.description,
    language: offer.language,
    capacityAreas: [...offer.capacityAreas],
    modalities: [...offer.modalities],
    sdgs: [...offer.sdgs],
    targetGroups: [...offer.targetGroups],
    deliveryLanguages: [...offer.deliveryLanguages],
    eligibility: {
      regions: [...offer.eligibility.regions],
      countries: [...offer.eligibility.countries],
      groups: [...offer.eligibility.groups],
    },
    slots: offer.slots,
    remainingSlots: offer.remainingSlots,
    budgetUsd: offer.budgetUsd,
    role: offer.role,
    window: { start: offer.windowStart, end: offer.windowEnd },
    openSource: offer.openSource,
    technologyTransferTerms: offer.technologyTransferTerms,
    civilianUseOnly: true,
    status: offer.status,
    createdAt: offer.createdAt.toISOString(),
    updatedAt: offer.updatedAt.toISOString(),
    version: offer.version,
  };
}
