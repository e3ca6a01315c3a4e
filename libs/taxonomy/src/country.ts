import { COUNTRY_ROWS, DATASET_AS_OF } from './data/countries';
import { OECD_DAC_MEMBERS } from './data/oecd-dac';
import { regionPath } from './regions';
import type { DevelopmentStatus, IncomeGroup } from './vocabularies';

export { DATASET_AS_OF };

export type UnStatus = 'member' | 'observer' | 'non-member';

export interface Country {
  iso3: string;
  iso2: string;
  m49: number;
  name: string;
  region: string;
  subregion: string;
  intermediateRegion: string | null;
  developmentStatus: DevelopmentStatus;
  /** On the LDC list on DATASET_AS_OF. */
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
  /** Date the country left, or is scheduled to leave, the LDC list (YYYY-MM-DD). */
  ldcGraduation: string | null;
  /** Member of the OECD Development Assistance Committee: its providers are `north`. */
  oecdDac: boolean;
  incomeGroup: IncomeGroup | null;
  /** Official languages, ISO 639-1 (or 639-3 where no 639-1 code exists). */
  languages: string[];
  unMember: boolean;
  /** UN member state, non-member observer state, or other non-member (self-governing state or territory). */
  unStatus: UnStatus;
}

export interface ClassificationSnapshot {
  region: string;
  subregion: string;
  intermediateRegion: string | null;
  developmentStatus: DevelopmentStatus;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
  incomeGroup: IncomeGroup | null;
  /**
   * End of the smooth transition after LDC graduation (graduation, past or scheduled, plus
   * LDC_SMOOTH_TRANSITION_YEARS), null for a country with no graduation date. A graduated country
   * keeps LDC-only support before that day (domain.md, "Smooth transition"). Optional so that
   * classifications recorded before the field existed still read (see classifiedLdcOn).
   */
  ldcTransitionUntil?: string | null;
}

/** True once `date` (a Date or YYYY-MM-DD) is on or after the ISO date `since`. */
function reached(date: Date | string, since: string): boolean {
  return toIsoDate(date) >= since;
}

/** YYYY-MM-DD of a Date (UTC) or of an ISO date / date-time string; throws on anything else. */
export function toIsoDate(date: Date | string): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`invalid date: ${String(date)}`);
  return d.toISOString().slice(0, 10);
}

function build(): readonly Country[] {
  return Object.freeze(
    COUNTRY_ROWS.map(([iso3, iso2, m49, name, area, status, groups, ldcGraduation, income, languages, un]) => {
      const flags = groups.split(' ');
      const onLdcList = flags.includes('ldc');
      const country: Country = {
        iso3,
        iso2,
        m49,
        name,
        ...regionPath(area),
        developmentStatus: status,
        ldc: onLdcList && !(ldcGraduation !== null && reached(DATASET_AS_OF, ldcGraduation)),
        lldc: flags.includes('lldc'),
        sids: flags.includes('sids'),
        ldcGraduation,
        oecdDac: OECD_DAC_MEMBERS.includes(iso3),
        incomeGroup: income,
        languages: languages.split(' '),
        unMember: un === 'member',
        unStatus: un,
      };
      return Object.freeze(country);
    }),
  );
}

export const COUNTRIES: readonly Country[] = build();

const BY_ISO3 = new Map(COUNTRIES.map((c) => [c.iso3, c]));
const EVER_LDC = new Set(COUNTRY_ROWS.filter((row) => row[6].split(' ').includes('ldc')).map((row) => row[0]));

/** Case-insensitive look-up by ISO 3166-1 alpha-3 code. */
export function findCountry(iso3: string): Country | undefined {
  return typeof iso3 === 'string' ? BY_ISO3.get(iso3.toUpperCase()) : undefined;
}

/** A country code of the dataset, in upper case as the contract writes it. */
export function isIso3(code: string): boolean {
  return typeof code === 'string' && BY_ISO3.has(code);
}

/**
 * Whether the country was on the LDC list on `date`. The dataset records inclusion only as
 * "has been on the list"; dates before a country's inclusion are out of its scope.
 */
export function isLdcOn(country: Country, date: Date | string): boolean {
  if (!EVER_LDC.has(country.iso3)) return false;
  return country.ldcGraduation === null || !reached(date, country.ldcGraduation);
}

/**
 * Years a graduated LDC keeps LDC-only support (domain.md, "Smooth transition"): General
 * Assembly resolution 67/221 asks partners for a smooth transition; the EU grants three years.
 */
export const LDC_SMOOTH_TRANSITION_YEARS = 3;

/** The end of the smooth transition of a graduated LDC (graduation plus `years`, no longer served from that day), else null. */
export function ldcTransitionUntil(country: Country, years: number = LDC_SMOOTH_TRANSITION_YEARS): string | null {
  if (!EVER_LDC.has(country.iso3) || country.ldcGraduation === null) return null;
  const [y, m, d] = country.ldcGraduation.split('-').map(Number);
  return toIsoDate(new Date(Date.UTC(y + years, m - 1, d)));
}

/** Whether offers restricted to `ldc` serve the country on `date`: on the list, or in its smooth transition. */
export function servedAsLdcOn(country: Country, date: Date | string, years: number = LDC_SMOOTH_TRANSITION_YEARS): boolean {
  if (isLdcOn(country, date)) return true;
  const until = ldcTransitionUntil(country, years);
  return until !== null && reached(date, country.ldcGraduation as string) && !reached(date, until);
}

/**
 * Whether a requester counts as an LDC on `on`: on the list when its classification was
 * recorded, or graduated and still in its smooth transition (`on` before `ldcTransitionUntil`,
 * the end of the transition). A classification recorded before the field existed (undefined)
 * takes the transition from the dataset. Offers restricted to `ldc` and the equity factor both
 * read this (domain.md, "Smooth transition").
 */
export function classifiedLdcOn(
  requester: { country: string; classification: Pick<ClassificationSnapshot, 'ldc' | 'ldcTransitionUntil'> },
  on: Date | string,
): boolean {
  const c = requester.classification;
  if (c.ldc) return true;
  const country = c.ldcTransitionUntil === undefined ? findCountry(requester.country) : undefined;
  const until = country ? ldcTransitionUntil(country) : (c.ldcTransitionUntil ?? null);
  return until !== null && !reached(on, until);
}

/**
 * The classification a request records at submission, as it stood on `date`; `years` is the
 * smooth-transition length the service is configured with (LDC_SMOOTH_TRANSITION_YEARS).
 */
export function classificationOn(iso3: string, date: Date | string, years: number = LDC_SMOOTH_TRANSITION_YEARS): ClassificationSnapshot | undefined {
  const c = findCountry(iso3);
  if (!c) return undefined;
  return {
    region: c.region,
    subregion: c.subregion,
    intermediateRegion: c.intermediateRegion,
    developmentStatus: c.developmentStatus,
    ldc: isLdcOn(c, date),
    lldc: c.lldc,
    sids: c.sids,
    incomeGroup: c.incomeGroup,
    ldcTransitionUntil: ldcTransitionUntil(c, years),
  };
}

/** Requests come only from known countries that are not classified developed (domain.md). */
export function maySubmitRequests(iso3: string): boolean {
  const c = findCountry(iso3);
  return c !== undefined && c.developmentStatus !== 'developed';
}
