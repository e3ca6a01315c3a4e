import { classifiedLdcOn } from '@capmatch/taxonomy';
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

/**
 * The requester's tokens, most specific first, with how specifically an offer listing each
 * one has chosen the requester (the focus factor): its own country or a group it belongs to
 * (LDC, LLDC, SIDS) 1, its intermediate region or sub-region 0.75, its region 0.5, and "*"
 * (open to every eligible country) 0. `ldc`: whether it counts as an LDC today, smooth
 * transition included. The order matters to the index scan: an offer is first
 * met under its most specific token.
 */
export function requestTokens(request: MatchRequest, ldc: boolean): { tokens: number[]; grades: number[] } {
  const c = request.classification;
  const graded: Array<[string, number]> = [[`c:${request.country.toUpperCase()}`, 1]];
  if (ldc) graded.push(['g:ldc', 1]);
  if (c.lldc) graded.push(['g:lldc', 1]);
  if (c.sids) graded.push(['g:sids', 1]);
  if (c.intermediateRegion) graded.push([`r:${c.intermediateRegion}`, 0.75]);
  graded.push([`r:${c.subregion}`, 0.75], [`r:${c.region}`, 0.5], ['*', 0]);
  const seen = new Set<number>();
  const tokens: number[] = [];
  const grades: number[] = [];
  for (const [token, grade] of graded) {
    const id = tokenId(token);
    if (seen.has(id)) continue;
    seen.add(id);
    tokens.push(id);
    grades.push(grade);
  }
  return { tokens, grades };
}

/**
 * Languages of wider communication: the six official languages of the United Nations and
 * Portuguese. A language-technology request is about its own languages; these count for it
 * only when it lists nothing else.
 */
export const WIDER_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'en', 'es', 'fr', 'pt', 'ru', 'zh']);
export const LANGUAGE_TECHNOLOGY = 'language-technology';

/**
 * Weight of each requested language in the language fit, in the request's order: the first
 * counted language is half of it (what the request is about), the other counted ones share the
 * other half, earlier ones more (the i-th of the m − 1 others weighs m − i). A language that
 * does not count weighs 0. With one counted language, it is all of it.
 */
function languageWeights(counted: readonly boolean[]): Float64Array {
  const positions = counted.flatMap((c, i) => (c ? [i] : []));
  const out = new Float64Array(counted.length);
  const m = positions.length;
  if (m === 0) return out;
  out[positions[0]] = m === 1 ? 1 : 0.5;
  const rest = ((m - 1) * m) / 2;
  for (let k = 1; k < m; k++) out[positions[k]] = (0.5 * (m - k)) / rest;
  return out;
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
  /** Bit of the first capacity area (what the request is about). */
  readonly firstArea: number;
  /** Bit of language-technology when the request lists it, else 0. */
  readonly languageTechnology: number;
  /** Distinct delivery languages in preference order (all of them count for rule 5). */
  readonly languages: Int32Array;
  /** Weight of each of `languages` in the language fit; they sum to 1 (languageWeights). */
  readonly languageWeights: Float64Array;
  /** The request's own languages (not of wider communication); all of them when it has none. */
  readonly ownLanguages: Int32Array;
  readonly start: number;
  readonly end: number;
  readonly days: number;
  readonly budget: number;
  readonly tokens: Int32Array;
  /** Focus grade of each token (requestTokens). */
  readonly tokenGrades: Float64Array;
  /** Counts as an LDC now: on the list, or in its smooth transition (domain.md). */
  readonly ldc: boolean;
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
  const codes = [...new Set(request.deliveryLanguages)];
  const own = codes.filter((code) => !WIDER_LANGUAGES.has(code));
  const ownCodes = own.length > 0 ? own : codes;
  const languageTechnology = request.capacityAreas.includes(LANGUAGE_TECHNOLOGY) ? areaMask([LANGUAGE_TECHNOLOGY]) : 0;
  // A language-technology request counts only its own languages; any other counts them all.
  const counted = codes.map((code) => languageTechnology === 0 || ownCodes.includes(code));
  // Offers restricted to `ldc` (rule 3, as isEligible decides it) and the equity factor both
  // take a graduated LDC in its smooth transition as an LDC.
  const ldc = classifiedLdcOn(request, new Date());
  const { tokens, grades } = requestTokens(request, ldc);
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
    firstArea: request.capacityAreas.length > 0 ? areaMask(request.capacityAreas.slice(0, 1)) : 0,
    languageTechnology,
    languages: Int32Array.from(codes, languageId),
    languageWeights: languageWeights(counted),
    ownLanguages: Int32Array.from(ownCodes, languageId),
    start,
    end,
    days: end - start + 1,
    budget: budgetOf(request.budgetUsd),
    tokens: Int32Array.from(tokens),
    tokenGrades: Float64Array.from(grades),
    ldc,
    equity: equityOf({ ...request.classification, ldc }),
    acceptsNorthSouth: accepted.includes('north-south'),
    acceptsSouthSouth: accepted.includes('south-south'),
    acceptsMultilateral: accepted.includes('multilateral'),
    acceptsTriangular: accepted.includes('triangular'),
  };
}

/** How specifically the offer has chosen the requester: the best grade of a token both hold. */
export function focusOf(r: PreparedRequest, o: PreparedOffer): number {
  const tokens = o.tokens;
  // Plain loops: both lists are short, and TypedArray#includes is slow when hot. Tokens go most
  // specific first, so the first shared one is the best.
  for (let i = 0; i < r.tokens.length; i++) {
    const t = r.tokens[i];
    for (let j = 0; j < tokens.length; j++) if (tokens[j] === t) return r.tokenGrades[i];
  }
  return 0;
}

/** Whether the offer delivers in one of the request's own languages. */
export function deliversOwn(r: PreparedRequest, o: PreparedOffer): boolean {
  for (const l of r.ownLanguages) if (o.languages.includes(l)) return true;
  return false;
}
