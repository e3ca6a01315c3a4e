import { classifiedLdcOn, type ClassificationSnapshot } from './country';
import type { EligibilityGroup } from './vocabularies';

export interface Eligibility {
  regions: string[];
  countries: string[];
  groups: EligibilityGroup[];
}

export type RequesterClassification = Pick<
  ClassificationSnapshot,
  'region' | 'subregion' | 'intermediateRegion' | 'ldc' | 'lldc' | 'sids' | 'ldcTransitionUntil'
>;

export interface Requester {
  country: string;
  classification: RequesterClassification;
}

function isOpen(eligibility: Eligibility | null | undefined): boolean {
  if (!eligibility) return true;
  const { regions = [], countries = [], groups = [] } = eligibility;
  return regions.length === 0 && countries.length === 0 && groups.length === 0;
}

/**
 * Contract, offers: an absent eligibility, or one with every list empty, admits every country
 * that may submit requests; otherwise a country is eligible when it is listed, lies in a listed
 * region, sub-region or intermediate region, or belongs to a listed group. The lists widen one
 * another (OR), so an offer for "africa" plus "sids" reaches Caribbean islands as well. A
 * graduated LDC in its smooth transition on `on` (its classification's `ldcTransitionUntil`)
 * still belongs to `ldc` here (domain.md).
 */
export function isEligible(requester: Requester, eligibility: Eligibility | null | undefined, on: Date | string = new Date()): boolean {
  if (isOpen(eligibility)) return true;
  const { regions = [], countries = [], groups = [] } = eligibility as Eligibility;
  const c = requester.classification;
  if (countries.some((iso3) => iso3.toUpperCase() === requester.country.toUpperCase())) return true;
  const areas = [c.region, c.subregion, c.intermediateRegion];
  if (regions.some((slug) => areas.includes(slug))) return true;
  if (groups.some((group) => c[group] === true)) return true;
  return groups.includes('ldc') && classifiedLdcOn(requester, on);
}
