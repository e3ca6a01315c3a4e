import { findCountry, type Country } from '../index';

type Expected = Partial<Country> & { iso3: string };

// Spot checks, each against the source named: M49 overview (codes, regions), WESP 2025 annex
// (status), UN-OHRLLS (groups), General Assembly resolutions (graduation), World Bank FY2027
// (1 July 2026; the FY2027 moves: Jordan, Micronesia, Philippines, Sri Lanka, Viet Nam to
// upper-middle, Togo to lower-middle, Venezuela classified again as lower-middle).
const EXPECTED: Expected[] = [
  { iso3: 'RWA', iso2: 'RW', m49: 646, region: 'africa', subregion: 'sub-saharan-africa', intermediateRegion: 'eastern-africa', developmentStatus: 'developing', ldc: true, lldc: true, sids: false, incomeGroup: 'low' },
  { iso3: 'SDN', m49: 729, region: 'africa', subregion: 'northern-africa', intermediateRegion: null, ldc: true, incomeGroup: 'low' },
  { iso3: 'STP', m49: 678, intermediateRegion: 'middle-africa', ldc: false, ldcGraduation: '2024-12-13', sids: true, incomeGroup: 'lower-middle' },
  { iso3: 'BWA', m49: 72, intermediateRegion: 'southern-africa', ldc: false, ldcGraduation: '1994-12-20', lldc: true, incomeGroup: 'upper-middle' },
  { iso3: 'CPV', m49: 132, intermediateRegion: 'western-africa', ldc: false, ldcGraduation: '2007-12-20', sids: true, incomeGroup: 'upper-middle' },
  { iso3: 'GNQ', m49: 226, ldc: false, ldcGraduation: '2017-06-04', incomeGroup: 'upper-middle' },
  { iso3: 'NAM', m49: 516, incomeGroup: 'lower-middle' },
  { iso3: 'AGO', m49: 24, ldc: true, ldcGraduation: null },
  { iso3: 'SEN', m49: 686, ldc: true, ldcGraduation: '2029-12-19' },
  { iso3: 'TGO', m49: 768, intermediateRegion: 'western-africa', ldc: true, incomeGroup: 'lower-middle' },
  { iso3: 'ETH', m49: 231, ldc: true, lldc: true, incomeGroup: 'low' },
  { iso3: 'BGD', iso2: 'BD', m49: 50, subregion: 'southern-asia', ldc: false, ldcGraduation: '2026-11-24', incomeGroup: 'lower-middle' },
  { iso3: 'BTN', m49: 64, ldc: false, ldcGraduation: '2023-12-13', lldc: true },
  { iso3: 'MDV', m49: 462, ldc: false, ldcGraduation: '2011-01-01', sids: true, languages: ['dv'] },
  { iso3: 'KHM', m49: 116, subregion: 'south-eastern-asia', ldc: true, ldcGraduation: '2029-12-19' },
  { iso3: 'VNM', m49: 704, subregion: 'south-eastern-asia', incomeGroup: 'upper-middle' },
  { iso3: 'PHL', m49: 608, incomeGroup: 'upper-middle' },
  { iso3: 'LKA', m49: 144, subregion: 'southern-asia', incomeGroup: 'upper-middle' },
  { iso3: 'JOR', m49: 400, subregion: 'western-asia', incomeGroup: 'upper-middle' },
  { iso3: 'FSM', m49: 583, subregion: 'micronesia', sids: true, incomeGroup: 'upper-middle' },
  { iso3: 'TLS', m49: 626, ldc: true, sids: true, languages: ['pt', 'tet'] },
  { iso3: 'KAZ', m49: 398, subregion: 'central-asia', developmentStatus: 'transition', lldc: true, incomeGroup: 'upper-middle' },
  { iso3: 'MNG', m49: 496, subregion: 'eastern-asia', developmentStatus: 'developing', lldc: true },
  { iso3: 'KOR', m49: 410, developmentStatus: 'developing', incomeGroup: 'high' },
  { iso3: 'SGP', m49: 702, developmentStatus: 'developing', sids: true, incomeGroup: 'high', languages: ['en', 'ms', 'zh', 'ta'] },
  { iso3: 'TUR', m49: 792, name: 'Türkiye', subregion: 'western-asia', developmentStatus: 'developing' },
  { iso3: 'RUS', m49: 643, subregion: 'eastern-europe', developmentStatus: 'transition', incomeGroup: 'high' },
  { iso3: 'MKD', m49: 807, subregion: 'southern-europe', developmentStatus: 'transition', lldc: true },
  { iso3: 'POL', m49: 616, developmentStatus: 'developed', incomeGroup: 'high' },
  { iso3: 'DEU', iso2: 'DE', m49: 276, region: 'europe', subregion: 'western-europe', developmentStatus: 'developed' },
  { iso3: 'USA', m49: 840, region: 'americas', subregion: 'northern-america', intermediateRegion: null, developmentStatus: 'developed' },
  { iso3: 'MEX', m49: 484, subregion: 'latin-america-and-the-caribbean', intermediateRegion: 'central-america' },
  { iso3: 'BOL', m49: 68, intermediateRegion: 'south-america', lldc: true, incomeGroup: 'lower-middle' },
  { iso3: 'CRI', m49: 188, incomeGroup: 'high' },
  { iso3: 'GUY', m49: 328, sids: true, incomeGroup: 'high' },
  { iso3: 'VEN', m49: 862, incomeGroup: 'lower-middle' },
  { iso3: 'HTI', m49: 332, intermediateRegion: 'caribbean', ldc: true, sids: true, languages: ['fr', 'ht'] },
  { iso3: 'PRI', m49: 630, unMember: false, unStatus: 'non-member', sids: true, incomeGroup: 'high' },
  { iso3: 'AUS', m49: 36, region: 'oceania', subregion: 'australia-and-new-zealand', developmentStatus: 'developed' },
  { iso3: 'VUT', m49: 548, subregion: 'melanesia', ldc: false, ldcGraduation: '2020-12-04', sids: true },
  { iso3: 'WSM', m49: 882, subregion: 'polynesia', ldc: false, ldcGraduation: '2014-01-01', incomeGroup: 'upper-middle' },
  { iso3: 'SLB', m49: 90, ldc: true, ldcGraduation: '2027-12-13' },
  { iso3: 'TUV', m49: 798, ldc: true, sids: true, languages: ['tvl', 'en'] },
  { iso3: 'COK', m49: 184, unMember: false, sids: true, incomeGroup: null },
  { iso3: 'PSE', iso2: 'PS', m49: 275, unStatus: 'observer', name: 'State of Palestine' },
  { iso3: 'VAT', iso2: 'VA', m49: 336, unStatus: 'observer', name: 'Holy See' },
  { iso3: 'ZAF', m49: 710, languages: ['af', 'en', 'nr', 'xh', 'zu', 'nso', 'st', 'tn', 'ss', 've', 'ts'] },
];

describe('country spot checks', () => {
  it.each(EXPECTED.map((e) => [e.iso3, e] as const))('%s matches the sources', (iso3, expected) => {
    expect(findCountry(iso3)).toMatchObject(expected);
  });
});
