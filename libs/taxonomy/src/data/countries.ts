// Country classification dataset of capmatch (docs/domain.md, "Country classification").
//
// One row per UN member state (193), non-member observer state (Holy See, State of Palestine)
// and non-member territory on the UN-OHRLLS list of small island developing States. It holds
// as of DATASET_AS_OF; libs/taxonomy/README.md says how to bring it up to date.
//
// Column            Source
// iso3, iso2        ISO 3166-1 (alpha-3, alpha-2), ISO 3166 Maintenance Agency.
// m49, name, area   UN Statistics Division, Standard country or area codes for statistical use
//                   (M49), English short names and geographic regions. `area` is the most
//                   specific M49 area: the intermediate region where M49 has one (e.g.
//                   eastern-africa under sub-saharan-africa), otherwise the sub-region.
// status            UN DESA, World Economic Situation and Prospects 2025, statistical annex,
//                   tables A–C (developed economies / economies in transition / developing
//                   economies). States WESP does not classify (Andorra, Liechtenstein, Monaco,
//                   San Marino, Holy See, non-member territories) follow the former M49
//                   developed/developing regions: Europe and Northern America developed,
//                   everything else developing.
// groups            UN-OHRLLS lists of least developed countries (ldc: has been on the list),
//                   landlocked developing countries (lldc) and small island developing States
//                   (sids; UN members and non-UN members / associate members of the regional
//                   commissions).
// ldcGraduation     Date of graduation from the LDC list, past or scheduled, as decided by the
//                   General Assembly (CDP / UN DESA LDC portal). A country is an LDC before
//                   that date and not from it on.
// income            World Bank country classification by income level, FY2026 (1 July 2025,
//                   GNI per capita 2024, Atlas method); null where the World Bank gives none.
// languages         Official (de jure or de facto national) languages, ISO 639-1, or ISO 639-3
//                   where no 639-1 code exists.
// un                UN membership: member, observer (non-member observer state) or territory.
import type { DevelopmentStatus, IncomeGroup } from '../vocabularies';

export const DATASET_AS_OF = '2026-11-25';

export const DATASET_SOURCES: readonly { column: string; source: string; asOf: string }[] = Object.freeze([
  { column: 'iso3, iso2', source: 'ISO 3166-1 country codes (ISO 3166 Maintenance Agency)', asOf: '2025' },
  { column: 'm49, name, region, subregion, intermediateRegion', source: 'UN Statistics Division, M49 Standard country or area codes for statistical use', asOf: '2025' },
  { column: 'developmentStatus', source: 'UN DESA, World Economic Situation and Prospects 2025, statistical annex (country classification)', asOf: '2025-01-09' },
  { column: 'ldc, ldcGraduation', source: 'UN-OHRLLS list of least developed countries; General Assembly graduation resolutions', asOf: '2026-11-25' },
  { column: 'lldc', source: 'UN-OHRLLS list of landlocked developing countries', asOf: '2025' },
  { column: 'sids', source: 'UN-OHRLLS list of small island developing States (UN members and non-UN members / associate members of regional commissions)', asOf: '2025' },
  { column: 'incomeGroup', source: 'World Bank country classifications by income level, FY2026', asOf: '2025-07-01' },
  { column: 'languages', source: 'Official languages per national constitutions and laws, coded in ISO 639-1 / ISO 639-3', asOf: '2025' },
]);

export type UnMembership = 'member' | 'observer' | 'territory';

/** [iso3, iso2, m49, name, area, status, groups, ldcGraduation, income, languages, un] */
export type CountryRow = readonly [
  iso3: string,
  iso2: string,
  m49: number,
  name: string,
  area: string,
  status: DevelopmentStatus,
  groups: string,
  ldcGraduation: string | null,
  income: IncomeGroup | null,
  languages: string,
  un: UnMembership,
];

const D = 'developed';
const T = 'transition';
const G = 'developing';
const LOW = 'low';
const LM = 'lower-middle';
const UM = 'upper-middle';
const HI = 'high';

// prettier-ignore
export const COUNTRY_ROWS: readonly CountryRow[] = Object.freeze([
  ['RWA', 'RW', 646, 'Rwanda', 'eastern-africa', G, 'ldc lldc', null, LOW, 'rw en fr sw', 'member'],
  ['BGD', 'BD', 50, 'Bangladesh', 'southern-asia', G, 'ldc', '2026-11-24', LM, 'bn', 'member'],
  ['BTN', 'BT', 64, 'Bhutan', 'southern-asia', G, 'ldc lldc', '2023-12-13', LM, 'dz', 'member'],
  ['DEU', 'DE', 276, 'Germany', 'western-europe', D, '', null, HI, 'de', 'member'],
  ['KAZ', 'KZ', 398, 'Kazakhstan', 'central-asia', T, 'lldc', null, UM, 'kk ru', 'member'],
  ['BRA', 'BR', 76, 'Brazil', 'south-america', G, '', null, UM, 'pt', 'member'],
  ['FJI', 'FJ', 242, 'Fiji', 'melanesia', G, 'sids', null, UM, 'en fj hif', 'member'],
]);
