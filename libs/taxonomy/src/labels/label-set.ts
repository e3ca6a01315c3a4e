import type {
  CapacityArea,
  CooperationType,
  DevelopmentStatus,
  EligibilityGroup,
  IncomeGroup,
  Modality,
  OfferRole,
  Origin,
  Priority,
  ProviderKind,
  TargetGroup,
  TechnologyTransferTerms,
} from '../vocabularies';

/**
 * Labels of every vocabulary value in one language. The closed vocabularies are typed as
 * records so a value added without a label fails to compile; regions and SDGs are checked by
 * the label spec.
 */
export interface LabelSet {
  capacityAreas: Record<CapacityArea, string>;
  modalities: Record<Modality, string>;
  targetGroups: Record<TargetGroup, string>;
  cooperationTypes: Record<CooperationType, string>;
  providerKinds: Record<ProviderKind, string>;
  groups: Record<EligibilityGroup, string>;
  developmentStatuses: Record<DevelopmentStatus, string>;
  incomeGroups: Record<IncomeGroup, string>;
  origins: Record<Origin, string>;
  offerRoles: Record<OfferRole, string>;
  priorities: Record<Priority, string>;
  technologyTransferTerms: Record<TechnologyTransferTerms, string>;
  /** Keyed by M49 slug, in the wording of the M49 standard in that language. */
  regions: Record<string, string>;
  /** Official short titles of SDGs 1–17, in order. */
  sdgs: readonly string[];
}
