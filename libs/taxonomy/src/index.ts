// @capmatch/taxonomy: the shared vocabulary of capmatch (docs/contract.md "Vocabularies"), the
// country classification dataset with its sources, and the rules derived from them. Plain
// TypeScript with no framework, so the services and the matching engine can all depend on it.
export * from './vocabularies';
export { REGIONS, REGION_TREE, isRegion, regionInfo, regionPath } from './regions';
export type { RegionInfo, RegionLevel, RegionPath } from './regions';
export {
  COUNTRIES,
  DATASET_AS_OF,
  classificationOn,
  classifiedLdcOn,
  findCountry,
  isIso3,
  isLdcOn,
  LDC_SMOOTH_TRANSITION_YEARS,
  ldcTransitionUntil,
  servedAsLdcOn,
  maySubmitRequests,
  toIsoDate,
} from './country';
export type { ClassificationSnapshot, Country, UnStatus } from './country';
export { DATASET_SOURCES } from './data/countries';
export { OECD_DAC_MEMBERS, OECD_DAC_AS_OF } from './data/oecd-dac';
export { isEligible } from './eligibility';
export type { Eligibility, Requester, RequesterClassification } from './eligibility';
export { cooperationTypeOf, originOf } from './cooperation';
export { DEFAULT_LANG, LANGS, isLang, isLanguageCode, pickLanguage } from './language';
export type { Lang } from './language';
export { ISO_639_1, ISO_639_3_WITHOUT_639_1 } from './data/iso639';
export { LABELS } from './labels';
export type { LabelSet } from './labels';
export { taxonomy, taxonomyFor } from './taxonomy';
export type { Labelled, RegionEntry, TaxonomyBody } from './taxonomy';
