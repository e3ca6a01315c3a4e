import { combinationKey } from './combination-key';
import { FacilitatorGroups, type FacilitatorPart, type Group } from './facilitator-groups';
import type { PreparedOffer, PreparedRequest } from './prepared';
import { areaFit, bundleFactors, combine, FACTOR_COUNT, languageFit, modalityFit, round3, sdgFit, targetGroupFit, windowFit } from './scoring';
import type { TopK } from './top-k';

// Triangular bundles (south provider offer + north or multilateral facilitator offer) without
// scoring every pair. Per provider P: its own part (areas, SDGs, target groups, languages,
// equity) is exact; facilitators are grouped by which requested modalities they bring, so
// the bundle's modality fit is exact per group; the rest is bounded, for the provider's and
// facilitator's shares pP, pF of the asked budget, by
//   budget fit ≤ max(0.5, min(1, pP + pF)) ≤ b(P) + min(1, pF), b(P) = max(0.5, min(1, pP))
//   window fit ≤ the days of R ∩ P that the facilitator runs (exact), or that any of the group runs
// Providers go best bound first; within a group, facilitators sorted by what they can add are
// scanned until the bound cannot reach the K-th score. Bounds only drop what cannot tie or
// beat the K-th entry (ties lose on key), so the result equals brute force (property-tested).

const AREA = 0, MODALITY = 1, SDG = 2, GROUP = 3, LANGUAGE = 4, BUDGET = 5, WINDOW = 6, EQUITY = 7;

interface ProviderPart {
  readonly o: PreparedOffer;
  readonly own: number;
  readonly share: number;
  /** The request's window cut to the provider's: a bundle runs at most within [from, to]. */
  readonly from: number;
  readonly to: number;
  bound: number;
}

/** Offered budget as a share of the asked one; 0 when either side has none. */
export function budgetShare(r: PreparedRequest, o: PreparedOffer): number {
  return Number.isNaN(r.budget) || Number.isNaN(o.budget) ? 0 : o.budget / r.budget;
}

export const budgetBound = (pShare: number, fShare: number): number => Math.max(0.5, Math.min(1, pShare + fShare));

const daysWithin = (f: PreparedOffer, from: number, to: number): number => Math.max(0, Math.min(to, f.end) - Math.max(from, f.start) + 1);

export function addBundles(
  r: PreparedRequest,
  providers: readonly PreparedOffer[],
  facilitators: readonly PreparedOffer[],
  w: Float64Array,
  top: TopK,
  rejected: ReadonlySet<string>,
): void {
  if (providers.length === 0 || facilitators.length === 0) return;
  let bestOwn = -Infinity;
  let bestShare = 0;
  const parts: ProviderPart[] = providers.map((o) => {
    const own = w[AREA] * areaFit(r, o.areas) + w[SDG] * sdgFit(r, o.sdgs) + w[GROUP] * targetGroupFit(r, o.targetGroups) +
      w[LANGUAGE] * languageFit(r, o.languages) + w[EQUITY] * r.equity;
    const share = budgetShare(r, o);
    bestOwn = Math.max(bestOwn, own);
    bestShare = Math.max(bestShare, share);
    return { o, own, share, from: Math.max(r.start, o.start), to: Math.min(r.end, o.end), bound: 0 };
  });
  // A facilitator that could not lift even the best provider to the K-th score is dropped.
  const groups = new FacilitatorGroups(r, w, facilitators, (f) =>
    top.reachable(bestOwn + w[MODALITY] + w[BUDGET] * budgetBound(bestShare, f.share) + w[WINDOW] * f.window),
  ).groups;
  if (groups.length === 0) return;
  const live: ProviderPart[] = [];
  for (const p of parts) {
    p.bound = -Infinity;
    for (const g of groups) p.bound = Math.max(p.bound, groupBound(r, w, p, g, false));
    if (top.reachable(p.bound)) live.push(p);
  }
  live.sort((a, b) => b.bound - a.bound);
  const scratch = new Float64Array(FACTOR_COUNT);
  for (const p of live) {
    if (!top.reachable(p.bound)) break;
    const prefix = combinationKey(r.request.id, [p.o.offer.id, '']);
    if (!top.reachableFor(p.bound, prefix)) continue;
    const ownBudget = Math.max(0.5, Math.min(1, p.share));
    for (const g of groups) {
      if (!top.reachableFor(groupBound(r, w, p, g, true), prefix)) continue;
      const head = p.own + w[MODALITY] * modalityFit(r, p.o.modalities | g.mask);
      // Once the provider covers the budget, only the window still depends on the facilitator.
      const covered = ownBudget >= 1;
      const list: readonly FacilitatorPart[] = covered ? g.byWindow() : g.byGain;
      const base = covered ? head + w[BUDGET] : head + w[BUDGET] * ownBudget;
      for (const f of list) {
        if (!top.reachableFor(covered ? base + w[WINDOW] * f.window : base + f.gain, prefix)) break;
        const bound = head + w[BUDGET] * budgetBound(p.share, f.share) + (w[WINDOW] * daysWithin(f.o, p.from, p.to)) / r.days;
        if (!top.reachableFor(bound, prefix)) continue;
        const score = round3(combine(w, bundleFactors(r, p.o, f.o, scratch)));
        if (!top.mayEnter(score)) continue;
        const key = combinationKey(r.request.id, [p.o.offer.id, f.o.offer.id]);
        if (rejected.size > 0 && rejected.has(key)) continue;
        top.add({ score, key, offers: [p.o, f.o] });
      }
    }
  }
}

/** Bound of P with any facilitator of the group; `exactWindow` pays for the group's day index. */
function groupBound(r: PreparedRequest, w: Float64Array, p: ProviderPart, g: Group, exactWindow: boolean): number {
  const head = p.own + w[MODALITY] * modalityFit(r, p.o.modalities | g.mask) + w[BUDGET] * budgetBound(p.share, g.maxShare);
  const coarse = head + w[WINDOW] * Math.min(windowFit(r, p.from, p.to), g.maxWindow);
  return exactWindow ? Math.min(coarse, head + (w[WINDOW] * g.mostDaysWithin(p.from, p.to)) / r.days) : coarse;
}
