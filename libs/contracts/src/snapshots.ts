/**
 * The full current state of each object, as carried in event payloads. Producers publish these
 * shapes; consumers validate them again (payload-validators.ts) before trusting them.
 */
export type RequestStatus = 'open' | 'matched' | 'withdrawn';
export type OfferStatus = 'open' | 'exhausted' | 'withdrawn';
export type SuggestionStatus = 'proposed' | 'accepted' | 'rejected' | 'superseded';
import type { CooperationType, Origin } from '@capmatch/taxonomy';

// Vocabularies are listed once, in libs/taxonomy; the event shapes name them from there.
export type CooperationTypeName = CooperationType;
export type OriginName = Origin;

export interface DateWindow {
  start: string; // YYYY-MM-DD
  end: string; // YYYY-MM-DD
}

export interface RequestClassification {
  region: string;
  subregion: string;
  intermediateRegion: string | null;
  developmentStatus: 'developed' | 'transition' | 'developing';
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
  incomeGroup: string | null;
  /**
   * End of the smooth transition of a graduated LDC (YYYY-MM-DD; LDC-only support until the day
   * before), null when the country has no LDC graduation date (domain.md, "Smooth transition").
   * Absent from events published before the field existed.
   */
  ldcTransitionUntil?: string | null;
}

export interface RequestSnapshot {
  id: string;
  country: string;
  title: string;
  description: string;
  language: string;
  capacityAreas: string[];
  modalities: string[];
  sdgs: number[];
  targetGroups: string[];
  deliveryLanguages: string[];
  cooperationTypes: CooperationTypeName[];
  budgetUsd: number | null;
  window: DateWindow;
  nationalStrategyRef: string | null;
  priority: 'high' | 'medium' | 'low';
  status: RequestStatus;
  classification: RequestClassification;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ProviderSummary {
  name: string;
  kind: string;
  country: string | null;
}

export interface OfferEligibility {
  regions: string[];
  countries: string[];
  groups: Array<'ldc' | 'lldc' | 'sids'>;
}

export interface OfferSnapshot {
  id: string;
  providerId: string;
  provider: ProviderSummary;
  origin: OriginName;
  title: string;
  description: string;
  language: string;
  capacityAreas: string[];
  modalities: string[];
  sdgs: number[];
  targetGroups: string[];
  deliveryLanguages: string[];
  eligibility: OfferEligibility;
  slots: number;
  remainingSlots: number;
  budgetUsd: number | null;
  role: 'provider' | 'facilitator';
  window: DateWindow;
  openSource: boolean;
  technologyTransferTerms: 'mutually-agreed' | 'open-licence' | 'none' | null;
  civilianUseOnly: true;
  status: OfferStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ExplanationEntry {
  factor: string;
  weight: number;
  score: number;
  detail: string;
}

export interface SuggestionSnapshot {
  id: string;
  requestId: string;
  offerIds: string[];
  country: string;
  cooperationType: CooperationTypeName;
  score: number;
  explanation: ExplanationEntry[];
  status: SuggestionStatus;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
}

/** The pre-saga payload of `partnership.created`: no longer produced, still accepted for one release. */
export interface LegacyPartnershipSnapshot {
  id: string;
  suggestionId: string;
  requestId: string;
  offerIds: string[];
  country: string;
  cooperationType: CooperationTypeName;
  createdAt: string;
}

export type PartnershipStatus = 'pending' | 'agreed' | 'declined' | 'cancelled' | 'expired';

/** One party's consent: the requesting country, or the provider of one offer. */
export interface PartnershipConfirmation {
  party: 'country' | 'provider';
  /** For a provider: the offer it confirmed for. */
  offerId?: string;
  sub: string;
  at: string;
}

export interface PartnershipSnapshot {
  id: string;
  suggestionId: string;
  requestId: string;
  offerIds: string[];
  /** The provider of each offer, in the order of offerIds. */
  providerIds: string[];
  country: string;
  cooperationType: CooperationTypeName;
  status: PartnershipStatus;
  confirmations: PartnershipConfirmation[];
  /** Why it ended (offer-unavailable, request-unavailable, declined: …, expired, …), else null. */
  reason: string | null;
  expiresAt: string;
  agreedAt: string | null;
  endedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * The owners' answers to `partnership.proposed` (saga steps). The offers service reserves one
 * slot of every offer of the partnership, or refuses naming the offer; the requests service
 * holds the request, or refuses. `reason` is machine-readable first (`offer-withdrawn`,
 * `no-slot-left`, `request-withdrawn`, `request-matched`, …) and may carry a sentence after ': '.
 */
export interface ReservationOutcome {
  partnershipId: string;
  requestId: string;
  offerIds: string[];
  /** reservation.refused only: the offer that could not be reserved. */
  offerId?: string;
  reason?: string;
}

export interface HoldOutcome {
  partnershipId: string;
  requestId: string;
  reason?: string;
}
