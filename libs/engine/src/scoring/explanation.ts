import type { ExplanationEntry, FactorName, MatchOffer } from '../types';
import { AREA, BUDGET, FACTORS } from './factors';
import { round3 } from './fits';
import { LANGUAGE_TECHNOLOGY, WIDER_LANGUAGES, type PreparedOffer, type PreparedRequest } from './prepared';
import { days, isoDay, joinAnd, unweighted, usd } from './wording';

// A sentence for each factor, written for a coordinator deciding on a suggestion: what the
// combination brings, what it misses, and what to do about a gap. Texts follow the requester's
// own lists and order, so they read the way the request was put.

/** What every explanation of one request's suggestions shares, worked out once per request. */
export interface RequestTexts {
  readonly r: PreparedRequest;
  /** The request's lists without repeats, in its order. */
  readonly areas: readonly string[];
  readonly modalities: readonly string[];
  readonly targetGroups: readonly string[];
  readonly sdgs: readonly number[];
  readonly languages: readonly string[];
  /** Its own languages (not of wider communication), else all of them. */
  readonly own: readonly string[];
  readonly equity: string;
}

export function requestTexts(r: PreparedRequest): RequestTexts {
  const req = r.request;
  const languages = [...new Set(req.deliveryLanguages)];
  const wider = languages.filter((l) => !WIDER_LANGUAGES.has(l));
  return {
    r,
    areas: [...new Set(req.capacityAreas)],
    modalities: [...new Set(req.modalities)],
    targetGroups: [...new Set(req.targetGroups)],
    sdgs: [...new Set(req.sdgs)],
    languages,
    own: wider.length ? wider : languages,
    equity: equityDetail(r),
  };
}

/** The distinct asked values the combination has, and those it misses, in the request's order. */
function overlap<T>(distinct: readonly T[], has: (v: T) => boolean): { hit: T[]; missed: T[] } {
  const hit: T[] = [];
  const missed: T[] = [];
  for (const v of distinct) (has(v) ? hit : missed).push(v);
  return { hit, missed };
}

function areaDetail(t: RequestTexts, provider: MatchOffer, fit: number): string {
  const { r, own } = t;
  const req = r.request;
  const first = req.capacityAreas[0];
  const techless = r.languageTechnology !== 0 && !provider.deliveryLanguages.some((l) => own.includes(l));
  const counts = (a: string): boolean => provider.capacityAreas.includes(a) && !(techless && a === LANGUAGE_TECHNOLOGY);
  const { hit, missed } = overlap(t.areas, counts);
  if (techless && provider.capacityAreas.includes(LANGUAGE_TECHNOLOGY)) {
    const rest = hit.length ? `; it shares ${joinAnd(hit)}` : '';
    return `lists language-technology but delivers in none of the request's own languages (${own.join(', ')}), so it cannot build that technology for them${rest}: prefer a provider working in ${own[0]}`;
  }
  if (fit === 0) return `covers none of the requested capacity areas (${req.capacityAreas.join(', ')})`;
  if (!hit.includes(first)) return `misses ${first}, the request's first need; it shares ${joinAnd(hit)}: prefer an offer that covers ${first}`;
  const others = hit.filter((a) => a !== first);
  const also = others.length ? ` and also ${joinAnd(others)}` : '';
  return `covers ${first}, the request's first need${also}${missed.length ? `; misses ${joinAnd(missed)}` : ''}`;
}

function languageDetail(t: RequestTexts, provider: MatchOffer): string {
  const { r, own, languages: asked } = t;
  const counted = r.languageTechnology !== 0 ? own : asked;
  const delivered = asked.filter((l) => provider.deliveryLanguages.includes(l));
  const first = counted[0];
  if (provider.deliveryLanguages.includes(first)) {
    const more = delivered.filter((l) => l !== first);
    return `delivers in ${first}, the request's first language${more.length ? `, and in ${joinAnd(more)}` : ''}`;
  }
  const countedHit = delivered.filter((l) => counted.includes(l));
  if (countedHit.length === 0) {
    const wider = delivered.filter((l) => WIDER_LANGUAGES.has(l));
    return `delivers only in ${joinAnd(wider.length ? wider : delivered)}; this language-technology request is about ${joinAnd(counted)}: prefer a provider working in ${first}`;
  }
  return `delivers in ${joinAnd(delivered)} but not in ${first}, the request's first language: plan interpretation, or ask the provider to work in ${first}`;
}

/** `asked` as the request lists it (for the text), `distinct` without repeats (for the test). */
function listDetail(asked: readonly string[], distinct: readonly string[], has: (v: string) => boolean, verb: string, noun: string, gap: string): string {
  const { hit, missed } = overlap(distinct, has);
  if (hit.length === 0) return `${verb} none of the requested ${noun} (${asked.join(', ')}): ${gap}`;
  return missed.length ? `${verb} ${joinAnd(hit)}; misses ${joinAnd(missed)}: ${gap}` : `${verb} ${joinAnd(hit)}, all that was asked`;
}

function budgetDetail(asked: number | null, offers: readonly MatchOffer[], fit: number): string {
  const funds = (o: MatchOffer): number => (o.budgetUsd && o.budgetUsd > 0 ? o.budgetUsd : 0);
  const offered = offers.reduce((s, o) => s + funds(o), 0);
  if (!asked || asked <= 0) return 'the request asks for no budget, so this factor takes no weight';
  if (offered === 0) {
    return `${offers.length > 1 ? 'neither offer states' : 'the offer states no'} budget: ask what it funds, or pair it with a financing partner`;
  }
  const fromFacilitator = offers.length > 1 && funds(offers[1]) > 0 ? `, ${usd(funds(offers[1]))} of it from the facilitator` : '';
  if (fit >= 1) return `covers the ${usd(asked)} asked (${usd(offered)} offered${fromFacilitator})`;
  return `covers ${Math.floor(fit * 100 + 1e-9)}% of the ${usd(asked)} asked${fromFacilitator}: a gap of ${usd(asked - offered)} for a financing partner to close`;
}

function windowDetail(r: PreparedRequest, offers: readonly PreparedOffer[]): string {
  let start = -Infinity;
  let end = Infinity;
  for (const o of offers) {
    start = Math.max(start, o.start);
    end = Math.min(end, o.end);
  }
  const { start: asked, end: until } = r.request.window;
  const late = start - r.start;
  const early = r.end - end;
  const runs = offers.length > 1 ? 'together they run' : 'runs';
  if (late <= 0 && early <= 0) return `${runs} through the whole requested window (${asked} to ${until})`;
  const parts: string[] = [];
  if (late > 0) parts.push(`starts ${isoDay(start)}, ${days(late)} after the requested start ${asked}: agree a later start`);
  if (early > 0) parts.push(`ends ${isoDay(end)}, ${days(early)} before the requested end ${until}: agree a shorter plan or an extension`);
  return parts.join('; ');
}

function equityDetail(r: PreparedRequest): string {
  const c = r.request.classification;
  const ldc = c.ldc ? 'least developed country' : 'graduated LDC in its smooth transition';
  const groups = [r.ldc && ldc, c.lldc && 'landlocked developing country', c.sids && 'small island developing state'];
  const named = groups.filter((g): g is string => typeof g === 'string');
  const country = r.request.country;
  return named.length ? `${country} is a ${joinAnd(named)}: it comes first when slots are scarce` : `${country} is not an LDC, LLDC or SIDS: no equity lift`;
}

const GROUP_NAMES = { ldc: 'least developed countries', lldc: 'landlocked developing countries', sids: 'small island developing states' } as const;

/** Why the offer has chosen the requester, most specific reason first; null when open to all. */
function chosenBecause(r: PreparedRequest, o: MatchOffer): string | null {
  const e = o.eligibility;
  const req = r.request;
  const c = req.classification;
  if (!e) return null;
  if (e.countries.some((x) => x.toUpperCase() === req.country.toUpperCase())) return `lists ${req.country} by name among the countries it serves`;
  const group = e.groups.find((g) => (g === 'ldc' ? r.ldc : c[g]));
  if (group) return `serves ${GROUP_NAMES[group]} first, and ${req.country} is one`;
  const region = [c.intermediateRegion, c.subregion, c.region].find((x) => x !== null && e.regions.includes(x));
  return region ? `targets ${region}, where ${req.country} lies` : null;
}

function focusDetail(r: PreparedRequest, offers: readonly MatchOffer[]): string {
  const [lead, facilitator] = offers.map((o) => chosenBecause(r, o));
  if (facilitator) return `the facilitator ${facilitator}${lead ? `; the provider ${lead}` : ''}`;
  if (lead) return `the offer ${lead}`;
  return `open to every eligible country: it has not singled out ${r.request.country}`;
}

const SDG_GAP = 'check the national strategy reference for what the rest needs';
const MODALITY_GAP = 'ask whether the rest can be added, or look for a partner that brings it';

function sdgDetail(t: RequestTexts, provider: MatchOffer): string {
  const req = t.r.request;
  const label = (g: number): string => `SDG ${g}`;
  const { hit, missed } = overlap(t.sdgs, (g) => provider.sdgs.includes(g));
  if (hit.length === 0) return `contributes to none of the requested SDGs (${req.sdgs.map(label).join(', ')}): ${SDG_GAP}`;
  const hits = joinAnd(hit.map(label));
  return missed.length ? `contributes to ${hits}; misses ${joinAnd(missed.map(label))}: ${SDG_GAP}` : `contributes to ${hits}, all that was asked`;
}

function details(t: RequestTexts, offers: readonly PreparedOffer[], factors: Float64Array): Record<FactorName, string> {
  const req = t.r.request;
  const provider = offers[0].offer;
  const facilitator = offers.length > 1 ? offers[1].offer : undefined;
  const raw = facilitator ? [provider, facilitator] : [provider];
  const together = facilitator !== undefined;
  const brings = (m: string, of: (o: MatchOffer) => readonly string[]): boolean => of(provider).includes(m) || (facilitator !== undefined && of(facilitator).includes(m));
  return {
    capacityAreas: areaDetail(t, provider, factors[AREA]),
    modalities: listDetail(req.modalities, t.modalities, (m) => brings(m, (o) => o.modalities), together ? 'together offer' : 'offers', 'modalities', MODALITY_GAP),
    sdgs: req.sdgs.length === 0 ? unweighted('SDGs') : sdgDetail(t, provider),
    targetGroups: req.targetGroups.length === 0
      ? unweighted('target groups')
      : listDetail(req.targetGroups, t.targetGroups, (g) => brings(g, (o) => o.targetGroups), together ? 'together reach' : 'reaches', 'target groups', 'ask how the rest would be reached'),
    languages: languageDetail(t, provider),
    budget: budgetDetail(req.budgetUsd, raw, factors[BUDGET]),
    window: windowDetail(t.r, offers),
    equity: t.equity,
    focus: focusDetail(t.r, raw),
  };
}

export function explain(t: RequestTexts, offers: readonly PreparedOffer[], factors: Float64Array, weights: Float64Array): ExplanationEntry[] {
  const text = details(t, offers, factors);
  return FACTORS.map((factor, i) => ({ factor, weight: round3(weights[i]), score: round3(factors[i]), detail: text[factor] }));
}
