import { decodeCursor, encodeCursor, type Page } from '@capmatch/platform';
import { COUNTRIES, isLdcOn, LDC_SMOOTH_TRANSITION_YEARS, ldcTransitionUntil, type Country } from '@capmatch/taxonomy';
import type { CountryDto } from './country.dto';

export interface CountryFilter {
  region?: string;
  group?: 'ldc' | 'lldc' | 'sids';
  developmentStatus?: string;
}

/** The public view of a country, with LDC membership evaluated on `today`; `years`: LDC_SMOOTH_TRANSITION_YEARS. */
export function toCountryDto(c: Country, today: Date, years: number = LDC_SMOOTH_TRANSITION_YEARS): CountryDto {
  return {
    iso3: c.iso3,
    iso2: c.iso2,
    m49: c.m49,
    name: c.name,
    region: c.region,
    subregion: c.subregion,
    intermediateRegion: c.intermediateRegion,
    developmentStatus: c.developmentStatus,
    ldc: isLdcOn(c, today),
    lldc: c.lldc,
    sids: c.sids,
    ldcGraduation: c.ldcGraduation,
    ldcTransitionUntil: ldcTransitionUntil(c, years),
    incomeGroup: c.incomeGroup,
    languages: [...c.languages],
  };
}

function matches(c: CountryDto, f: CountryFilter): boolean {
  if (f.region && ![c.region, c.subregion, c.intermediateRegion].includes(f.region)) return false;
  if (f.group && !c[f.group]) return false;
  return !f.developmentStatus || c.developmentStatus === f.developmentStatus;
}

/**
 * The dataset is small and in memory, so filtering and keyset paging (by iso3) happen here; the
 * cursor has the same opaque form as on the database-backed lists (a bad one is a 400 on `cursor`).
 */
export function listCountries(f: CountryFilter, limit: number, cursor: string | undefined, today: Date, years: number = LDC_SMOOTH_TRANSITION_YEARS): Page<CountryDto> {
  const after = cursor ? decodeCursor(cursor, ['iso3']).iso3 : '';
  const all = COUNTRIES.map((c) => toCountryDto(c, today, years))
    .filter((c) => c.iso3 > after && matches(c, f))
    .sort((a, b) => a.iso3.localeCompare(b.iso3));
  const items = all.slice(0, limit);
  return { items, nextCursor: all.length > limit ? encodeCursor({ iso3: items[items.length - 1].iso3 }) : null };
}
