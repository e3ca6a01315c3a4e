// Closed vocabularies of the contract (docs/contract.md, "Vocabularies"). Values are part of the
// public API and of stored data: renaming one breaks clients and stored requests and offers.

export const CAPACITY_AREAS = [
  'ai-strategy-and-policy',
  'ai-governance-and-ethics',
  'digital-infrastructure',
  'compute',
  'data',
  'language-technology',
  'skills-and-education',
  'research-and-innovation',
  'public-sector-ai',
  'ai-safety-and-evaluation',
] as const;
export type CapacityArea = (typeof CAPACITY_AREAS)[number];

export const MODALITIES = [
  'policy-exchange',
  'knowledge-sharing',
  'technology-transfer',
  'technical-assistance',
  'training',
  'research-cooperation',
  'joint-lab',
  'workshop',
  'financing',
  'infrastructure-access',
] as const;
export type Modality = (typeof MODALITIES)[number];

export const TARGET_GROUPS = [
  'women-and-girls',
  'persons-with-disabilities',
  'indigenous-peoples',
  'local-communities',
  'children-and-youth',
  'people-in-poverty',
  'rural-and-remote',
  'vulnerable-groups',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const COOPERATION_TYPES = ['north-south', 'south-south', 'triangular', 'multilateral'] as const;
export type CooperationType = (typeof COOPERATION_TYPES)[number];

export const PROVIDER_KINDS = [
  'government',
  'multilateral',
  'development-bank',
  'private-sector',
  'academia',
  'civil-society',
  'technical-community',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Provider kinds that are international organisations: they have no country (contract). */
export const COUNTRYLESS_PROVIDER_KINDS: readonly ProviderKind[] = ['multilateral', 'development-bank'];

export const ELIGIBILITY_GROUPS = ['ldc', 'lldc', 'sids'] as const;
export type EligibilityGroup = (typeof ELIGIBILITY_GROUPS)[number];

/** UN DESA World Economic Situation and Prospects country classification. */
export const DEVELOPMENT_STATUSES = ['developed', 'transition', 'developing'] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];

/** World Bank income groups (GNI per capita, Atlas method). */
export const INCOME_GROUPS = ['low', 'lower-middle', 'upper-middle', 'high'] as const;
export type IncomeGroup = (typeof INCOME_GROUPS)[number];

export const ORIGINS = ['north', 'south', 'multilateral'] as const;
export type Origin = (typeof ORIGINS)[number];

export const OFFER_ROLES = ['provider', 'facilitator'] as const;
export type OfferRole = (typeof OFFER_ROLES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const TECHNOLOGY_TRANSFER_TERMS = ['mutually-agreed', 'open-licence', 'none'] as const;
export type TechnologyTransferTerms = (typeof TECHNOLOGY_TRANSFER_TERMS)[number];

/** Structured reasons a coordinator may give when rejecting a suggestion (effects: libs/engine rules/rejections.ts). */
export const REJECTION_REASON_CODES = ['capacity-mismatch', 'language-mismatch', 'provider-unsuitable', 'budget', 'timing', 'other'] as const;
export type RejectionReasonCode = (typeof REJECTION_REASON_CODES)[number];

/** The 17 Sustainable Development Goals (A/RES/70/1); short titles are in the labels. */
export const SDGS: readonly number[] = Object.freeze(Array.from({ length: 17 }, (_, i) => i + 1));

export function isSdg(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 17;
}

/** Narrowing membership test for any of the vocabularies above. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
