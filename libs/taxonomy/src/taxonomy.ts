import { knownLanguageCodes } from './data/iso639';
import { LABELS } from './labels';
import { DEFAULT_LANG, isLang, pickLanguage, type Lang } from './language';
import { REGION_TREE, type RegionLevel } from './regions';
import {
  CAPACITY_AREAS,
  COOPERATION_TYPES,
  DEVELOPMENT_STATUSES,
  ELIGIBILITY_GROUPS,
  INCOME_GROUPS,
  MODALITIES,
  OFFER_ROLES,
  ORIGINS,
  PRIORITIES,
  PROVIDER_KINDS,
  SDGS,
  TARGET_GROUPS,
  TECHNOLOGY_TRANSFER_TERMS,
} from './vocabularies';

export interface Labelled<T extends string | number = string> {
  value: T;
  label: string;
}

export interface RegionEntry extends Labelled {
  m49: number;
  level: RegionLevel;
  parent: string | null;
}

export interface TaxonomyBody {
  language: Lang;
  capacityAreas: Labelled[];
  modalities: Labelled[];
  targetGroups: Labelled[];
  cooperationTypes: Labelled[];
  providerKinds: Labelled[];
  groups: Labelled[];
  regions: RegionEntry[];
  sdgs: Labelled<number>[];
  priorities: Labelled[];
  developmentStatuses: Labelled[];
  incomeGroups: Labelled[];
  origins: Labelled[];
  offerRoles: Labelled[];
  technologyTransferTerms: Labelled[];
  /** Accepted language codes (ISO 639-1, or 639-3 without a 639-1 code), sorted. */
  languages: string[];
}

function labelled<T extends string>(values: readonly T[], labels: Record<T, string>): Labelled[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** The body of GET /v1/taxonomy, labelled in `lang` (English for anything unsupported). */
export function taxonomy(lang: Lang): TaxonomyBody {
  const language = isLang(lang) ? lang : DEFAULT_LANG;
  const l = LABELS[language];
  return {
    language,
    capacityAreas: labelled(CAPACITY_AREAS, l.capacityAreas),
    modalities: labelled(MODALITIES, l.modalities),
    targetGroups: labelled(TARGET_GROUPS, l.targetGroups),
    cooperationTypes: labelled(COOPERATION_TYPES, l.cooperationTypes),
    providerKinds: labelled(PROVIDER_KINDS, l.providerKinds),
    groups: labelled(ELIGIBILITY_GROUPS, l.groups),
    regions: REGION_TREE.map((x) => ({ value: x.slug, label: l.regions[x.slug], m49: x.m49, level: x.level, parent: x.parent })),
    sdgs: SDGS.map((value) => ({ value, label: l.sdgs[value - 1] })),
    priorities: labelled(PRIORITIES, l.priorities),
    developmentStatuses: labelled(DEVELOPMENT_STATUSES, l.developmentStatuses),
    incomeGroups: labelled(INCOME_GROUPS, l.incomeGroups),
    origins: labelled(ORIGINS, l.origins),
    offerRoles: labelled(OFFER_ROLES, l.offerRoles),
    technologyTransferTerms: labelled(TECHNOLOGY_TRANSFER_TERMS, l.technologyTransferTerms),
    languages: [...knownLanguageCodes()].sort(),
  };
}

/** taxonomy() in the language an Accept-Language header asks for. */
export function taxonomyFor(acceptLanguage: string | undefined): TaxonomyBody {
  return taxonomy(pickLanguage(acceptLanguage));
}
