import { acceptedTypes } from '../rules/hard-rules';
import { equityOf } from './equity';
import type { MatchOffer, MatchRequest } from '../types';
import { areaMask, countryId, languageId, modalityMask, popcount, sdgMask, targetGroupMask, tokenId } from './vocabulary';

// Requests and offers compiled once into numbers: bitmasks for the closed vocabularies, day
// numbers for windows, interned ids for languages and eligibility tokens. Scoring and the
// index work only on these; the originals stay attached for rule checks and explanations.

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** Budget as a positive number, else NaN: absent and zero both mean "states no budget". */
const budgetOf = (usd: number | null): number => (usd !== null && usd > 0 ? usd : NaN);

/**
 * Eligibility as tokens: an offer open to all has "*"; otherwise one token per listed country,
 * region (any level) or group. A requester carries "*" plus its own country, regions and
 * groups, so "eligible" is exactly "the two token sets meet" (contract, offers: listed, or in a
 * listed region or sub-region, or in a listed group).
 */
export function offerTokens(offer: MatchOffer): number[] {
  const e = offer.eligibility;
  if (!e || e.regions.length + e.countries.length + e.groups.length === 0) return [tokenId('*')];
  return [
    ...e.countries.map((c) => tokenId(`c:${c.toUpperCase()}`)),
    ...e.regions.map((r) => tokenId(`r:${r}`)),
    ...e.groups.map((g) => tokenId(`g:${g}`)),
  ];
}

export function requestTokens(request: MatchRequest): number[] {
  const c = request.classification;
  const tokens = ['*', `c:${request.country.toUpperCase()}`, `r:${c.region}`, `r:${c.subregion}`];
  if (c.intermediateRegion) tokens.push(`r:${c.intermediateRegion}`);
  if (c.ldc) tokens.push('g:ldc');
  if (c.lldc) tokens.push('g:lldc');
  if (c.sids) tokens.push('g:sids');
  return tokens.map(tokenId);
}

export interface PreparedOffer {
  readonly offer: MatchOffer;
  /** Interned provider country, -1 for none: the hot loop compares numbers (rule 2). */
  readonly country: number;
  readonly areas: number;
  readonly modalities: number;
  readonly sdgs: number;
  readonly targetGroups: number;
  readonly languages: Int32Array;
  readonly start: number;
  readonly end: number;
  readonly budget: number;
  readonly tokens: Int32Array;
}

export function prepareOffer(offer: MatchOffer): PreparedOffer {
  return {
    offer,
    country: countryId(offer.providerCountry),
    areas: areaMask(offer.capacityAreas),
    modalities: modalityMask(offer.modalities),
    sdgs: sdgMask(offer.sdgs),
    targetGroups: targetGroupMask(offer.targetGroups),
    languages: Int32Array.from(offer.deliveryLanguages, languageId),
    start: dayNumber(offer.window.start),
    end: dayNumber(offer.window.end),
    budget: budgetOf(offer.budgetUsd),
    tokens: Int32Array.from(offerTokens(offer)),
  };
}

export interface PreparedRequest {
  readonly request: MatchRequest;
  readonly country: number;
  readonly areas: number;
  readonly areaCount: number;
  readonly modalities: number;
  readonly modalityCount: number;
  readonly sdgs: number;
  readonly sdgCount: number;
  readonly targetGroups: number;
  readonly targetGroupCount: number;
  /** Distinct delivery languages in preference order; the i-th of n weighs n - i. */
  readonly languages: Int32Array;
  readonly languageWeightTotal: number;
  readonly start: number;
  readonly end: number;
  readonly days: number;
  readonly budget: number;
  readonly tokens: Int32Array;
  readonly equity: number;
  readonly acceptsNorthSouth: boolean;
  readonly acceptsSouthSouth: boolean;
  readonly acceptsMultilateral: boolean;
  readonly acceptsTriangular: boolean;
}

export function prepareRequest(request: MatchRequest): PreparedRequest {
  const areas = areaMask(request.capacityAreas);
  const modalities = modalityMask(request.modalities);
  const sdgs = sdgMask(request.sdgs);
  const targetGroups = targetGroupMask(request.targetGroups);
  const languages = Int32Array.from(new Set(request.deliveryLanguages.map(languageId)));
  const n = languages.length;
  const start = dayNumber(request.window.start);
  const end = dayNumber(request.window.end);
  const accepted = acceptedTypes(request);
  return {
    request,
    country: countryId(request.country),
    areas,
    areaCount: popcount(areas),
    modalities,
    modalityCount: popcount(modalities),
    sdgs,
    sdgCount: popcount(sdgs),
    targetGroups,
    targetGroupCount: popcount(targetGroups),
    languages,
    languageWeightTotal: (n * (n + 1)) / 2,
    start,
    end,
    days: end - start + 1,
    budget: budgetOf(request.budgetUsd),
    tokens: Int32Array.from(requestTokens(request)),
    equity: equityOf(request.classification),
    acceptsNorthSouth: accepted.includes('north-south'),
    acceptsSouthSouth: accepted.includes('south-south'),
    acceptsMultilateral: accepted.includes('multilateral'),
    acceptsTriangular: accepted.includes('triangular'),
  };
}
