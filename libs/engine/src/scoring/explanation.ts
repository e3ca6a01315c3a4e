import type { PreparedOffer, PreparedRequest } from './prepared';
import { round3 } from './fits';
import type { ExplanationEntry, FactorName, MatchOffer } from '../types';
import { BUDGET, FACTORS } from './factors';

// Plain-English detail for each factor, written for a coordinator deciding on a suggestion.
// Texts follow the requester's own lists and order, so they read the way the request was put.

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** USD amount with thousands separators, written out the same on every machine. */
export function usd(amount: number): string {
  return `USD ${Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

function overlapDetail<T>(
  asked: readonly T[],
  has: (v: T) => boolean,
  verb: string,
  noun: string,
  show: (v: T) => string = String,
): string {
  const distinct = [...new Set(asked)];
  if (distinct.length === 0) return `the request names no ${noun}: neutral`;
  const hit = distinct.filter(has).map(show);
  const missed = distinct.filter((v) => !has(v)).map(show);
  if (hit.length === 0) return `${verb} none of the requested ${noun} (${distinct.map(show).join(', ')})`;
  return missed.length ? `${verb} ${joinAnd(hit)}; misses ${joinAnd(missed)}` : `${verb} ${joinAnd(hit)}`;
}

function budgetDetail(asked: number | null, offers: readonly MatchOffer[], fit: number): string {
  const offered = offers.reduce((s, o) => s + (o.budgetUsd && o.budgetUsd > 0 ? o.budgetUsd : 0), 0);
  if (!asked || asked <= 0) return 'the request asks for no budget: neutral';
  if (offered === 0) return `${offers.length > 1 ? 'the offers state' : 'the offer states'} no budget: neutral`;
  if (fit >= 1) return `covers all of the ${usd(asked)} asked (${usd(offered)} offered)`;
  return `covers ${Math.floor(fit * 100 + 1e-9)}% of the ${usd(asked)} asked`;
}

function equityDetail(r: PreparedRequest): string {
  const c = r.request.classification;
  const groups = [c.ldc && 'least developed country', c.lldc && 'landlocked developing country', c.sids && 'small island developing state'];
  const named = groups.filter((g): g is string => typeof g === 'string');
  return named.length ? `${r.request.country} is a ${joinAnd(named)}` : `${r.request.country} is not an LDC, LLDC or SIDS`;
}

function details(r: PreparedRequest, offers: readonly PreparedOffer[], factors: Float64Array): Record<FactorName, string> {
  const req = r.request;
  const provider = offers[0].offer;
  const raw = offers.map((o) => o.offer);
  const modalities = new Set(raw.flatMap((o) => o.modalities));
  const start = Math.max(...offers.map((o) => o.start));
  const end = Math.min(...offers.map((o) => o.end));
  const covered = Math.max(0, Math.min(end, r.end) - Math.max(start, r.start) + 1);
  const langs = [...new Set(req.deliveryLanguages)];
  return {
    capacityAreas: overlapDetail(req.capacityAreas, (a) => provider.capacityAreas.includes(a), 'shares', 'capacity areas'),
    modalities: overlapDetail(req.modalities, (m) => modalities.has(m), offers.length > 1 ? 'together offer' : 'offers', 'modalities'),
    sdgs: overlapDetail(req.sdgs, (g) => provider.sdgs.includes(g), 'contributes to', 'SDGs', (g) => `SDG ${g}`),
    targetGroups: overlapDetail(req.targetGroups, (g) => provider.targetGroups.includes(g), 'reaches', 'target groups'),
    languages: `delivers in ${joinAnd(langs.filter((l) => provider.deliveryLanguages.includes(l)))} (requested, most wanted first: ${langs.join(', ')})`,
    budget: budgetDetail(req.budgetUsd, raw, factors[BUDGET]),
    window: `runs ${covered} of the ${r.days} days requested (${req.window.start} to ${req.window.end})`,
    equity: equityDetail(r),
  };
}

export function explain(
  r: PreparedRequest,
  offers: readonly PreparedOffer[],
  factors: Float64Array,
  weights: Float64Array,
): ExplanationEntry[] {
  const text = details(r, offers, factors);
  return FACTORS.map((factor, i) => ({ factor, weight: weights[i], score: round3(factors[i]), detail: text[factor] }));
}
