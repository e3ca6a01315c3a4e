// The engine's own view of requests, offers and suggestions. The shapes mirror the event
// snapshots of libs/contracts (RequestSnapshot, OfferSnapshot, SuggestionSnapshot) but keep
// only what matching reads, so the service can hand a projection row or an event payload in
// as it is, and tests can build instances by hand.

import { COOPERATION_TYPES, type CooperationType, type RejectionReasonCode, type EligibilityGroup, type OfferRole, type Origin } from '@capmatch/taxonomy';

// The vocabularies come from libs/taxonomy, the one place each is listed.
export type { CooperationType, EligibilityGroup, OfferRole, Origin };

export const ALL_COOPERATION_TYPES: readonly CooperationType[] = COOPERATION_TYPES;

/** Inclusive date range, both ends YYYY-MM-DD. */
export interface DateWindow {
  readonly start: string;
  readonly end: string;
}

/** The requesting country's classification as recorded at submission. */
export interface RequesterClassification {
  readonly region: string;
  readonly subregion: string;
  readonly intermediateRegion: string | null;
  readonly developmentStatus: string;
  readonly ldc: boolean;
  readonly lldc: boolean;
  readonly sids: boolean;
  readonly incomeGroup: string | null;
}

/** What a request and an offer both state, and are matched on. */
export interface MatchProfile {
  readonly id: string;
  readonly capacityAreas: readonly string[];
  readonly modalities: readonly string[];
  readonly sdgs: readonly number[];
  readonly targetGroups: readonly string[];
  /** A request's in order of preference: the first one is the language the requester wants most. */
  readonly deliveryLanguages: readonly string[];
  readonly budgetUsd: number | null;
  readonly window: DateWindow;
  readonly status: string;
}

export interface MatchRequest extends MatchProfile {
  /** ISO 3166-1 alpha-3, upper case. */
  readonly country: string;
  readonly classification: RequesterClassification;
  /** Absent or empty means all four (contract: "absent = all four"). */
  readonly cooperationTypes?: readonly CooperationType[] | null;
  readonly priority: 'high' | 'medium' | 'low';
}

export interface OfferEligibility {
  readonly regions: readonly string[];
  readonly countries: readonly string[];
  readonly groups: readonly EligibilityGroup[];
}

export interface MatchOffer extends MatchProfile {
  readonly providerId: string;
  /** Null for international organisations (origin `multilateral`). */
  readonly providerCountry: string | null;
  readonly origin: Origin;
  readonly role: OfferRole;
  /** Null or all lists empty: every country that may submit requests. */
  readonly eligibility: OfferEligibility | null;
  readonly remainingSlots: number;
}

export type FactorName =
  | 'capacityAreas'
  | 'modalities'
  | 'sdgs'
  | 'targetGroups'
  | 'languages'
  | 'budget'
  | 'window'
  | 'equity'
  | 'focus';

export interface ExplanationEntry {
  readonly factor: FactorName;
  readonly weight: number;
  /** The factor's own score in [0, 1], rounded to 3 decimals. */
  readonly score: number;
  readonly detail: string;
}

export interface Suggestion {
  readonly requestId: string;
  /** One offer, or for `triangular` the provider offer first and the facilitator second. */
  readonly offerIds: readonly string[];
  readonly cooperationType: CooperationType;
  /** Weighted sum of the factor scores in [0, 1], rounded to 3 decimals. */
  readonly score: number;
  readonly explanation: readonly ExplanationEntry[];
  /** combinationKey(requestId, offerIds): unique per combination, used for rejections too. */
  readonly key: string;
}

// Why a coordinator rejected a suggestion, when they say so in a structured way; each code has a
// defined effect on what the request is suggested next (rules/rejections.ts).
export { REJECTION_REASON_CODES, type RejectionReasonCode } from '@capmatch/taxonomy';

/** One rejected combination of a request, as the service stores it. */
export interface RejectionRecord {
  /** combinationKey(requestId, offerIds) of the rejected suggestion. */
  readonly key: string;
  /** The rejected suggestion's offers, provider offer first. */
  readonly offerIds: readonly string[];
  /** Provider of the providing (first) offer; needed by `provider-unsuitable`. */
  readonly providerId?: string | null;
  readonly reasonCode?: RejectionReasonCode | null;
}
