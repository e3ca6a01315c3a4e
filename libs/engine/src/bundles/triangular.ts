import { bundleKeyPrefix, idLimitBelow } from '../ranking/combination-key';
import { BoundHeap } from './bound-heap';
import type { Group } from './facilitator-groups';
import { consider } from './consider';
import { groupsFor } from './reused-groups';
import { seed } from './seed';
import type { PreparedOffer, PreparedRequest } from '../scoring/prepared';
import { budgetBound, type FacilitatorReach, type SouthProvider, type SouthProviders } from './facilitator-reach';
import type { Rejections } from '../rules/rejections';
import { modalityFit, targetGroupFit, windowFit } from '../scoring/fits';
import type { TopK } from '../ranking/top-k';
import { BUDGET, FOCUS, GROUP, MODALITY, WINDOW } from '../scoring/factors';

// Triangular bundles (south provider offer + north or multilateral facilitator offer) without
// scoring every pair. Per provider P: its core (areas, SDGs, languages, equity) comes bounded
// from the scan (index/singles.ts); facilitators are grouped by which requested modalities and
// target groups they bring, so the bundle's modality and target-group fits are exact per group;
// the rest is bounded, for the provider's and facilitator's shares pP, pF of the asked budget
// and their focus cP, cF, by
//   budget fit ≤ max(0.5, min(1, pP + pF)) ≤ b(P) + min(1, pF), b(P) = max(0.5, min(1, pP))
//   window fit ≤ the days of R ∩ P that the facilitator runs (exact), or that any of the group runs
//   focus = max(cP, cF) = cP + max(0, cF − cP) ≤ cP + cF
// Providers go best bound first; within a group, facilitators sorted by what they can add are
// scanned until the bound cannot reach the bar. Bounds only drop what cannot tie or beat the
// bar (ties lose on key), so the result equals brute force (property-tested).

/** Offered budget as a share of the asked one; 0 when either side has none. */
export function budgetShare(r: PreparedRequest, o: PreparedOffer): number {
  return Number.isNaN(r.budget) || Number.isNaN(o.budget) ? 0 : o.budget / r.budget;
}

/** Adds the bundles that can enter the top-K; each provider's `bound` must be its bundleBound (index/singles.ts computes it). */
export function addBundles(
  r: PreparedRequest,
  ps: SouthProviders,
  reach: FacilitatorReach,
  w: Float64Array,
  top: TopK,
  rejected: Rejections,
): void {
  const { facilitators } = reach;
  if (ps.size === 0 || facilitators.length === 0) return;
  if (!top.full) seed(r, w, top, rejected, ps, reach);
  let bestCore = -Infinity;
  let bestShare = 0;
  let bestFocus = 0;
  let liveGroups = 0;
  // Best bound first, the bound refined over the groups (groupBound) only when a provider comes
  // up: one is refined while its coarse bound is at least the best refined one left, and paired
  // once its refined bound is the best left. Bars rise as bundles enter, so most providers are
  // ruled out by their coarse bound before anything is spent on them.
  // Both orders are heaps: few providers ever come up, so sorting them all would cost more.
  const coarse = new BoundHeap(ps.bound);
  for (let i = 0; i < ps.size; i++) {
    if (!top.reachable(ps.bound[i])) continue;
    coarse.push(i);
    bestCore = Math.max(bestCore, ps.core[i]);
    bestShare = Math.max(bestShare, ps.share[i]);
    bestFocus = Math.max(bestFocus, ps.focus[i]);
    liveGroups |= ps.o[i].targetGroups;
  }
  if (coarse.size === 0) return;
  const { groups, columns } = groupsFor(r, w, reach, bestCore + w[MODALITY], bestShare, bestFocus, liveGroups, top.floor);
  if (groups.length === 0) return;
  const refined = new BoundHeap(ps.bound);
  for (;;) {
    while (coarse.size > 0 && (refined.size === 0 || ps.bound[coarse.peek()] >= ps.bound[refined.peek()])) {
      const i = coarse.pop();
      // By coarse bound: once one cannot reach the bar, no later one can.
      if (!top.reachable(ps.bound[i])) coarse.clear();
      else if (top.reachable((ps.bound[i] = Math.min(ps.bound[i], bestGroupBound(r, w, ps, i, groups))))) refined.push(i);
    }
    const i = refined.pop();
    if (i === -1 || !top.reachable(ps.bound[i])) break;
    const p = providerAt(ps, i);
    // P's bundles must outrank the bar for P (ranking/top-k.ts: its own entry once the top-K
    // is full of distinct offers): `lead` makes every check below use it.
    const lead = p.o.offer.id;
    const prefix = bundleKeyPrefix(r.request.id, lead);
    if (!top.reachableFor(p.bound, prefix, lead)) continue;
    const ownBudget = Math.max(0.5, Math.min(1, p.share));
    for (const g of groups) {
      // The coarse bound first: the pass over the group for its most days only for groups it leaves in.
      if (!top.reachableFor(groupBound(r, w, p, g, false), prefix, lead)) continue;
      const gBound = groupBound(r, w, p, g, true);
      if (!top.reachableFor(gBound, prefix, lead)) continue;
      const head = headOf(r, w, p, g);
      const pairBound = (f: number): number =>
        head + w[BUDGET] * budgetBound(p.share, columns.share[f]) + (w[WINDOW] * columns.daysWithin(f, p.from, p.to)) / r.days +
        w[FOCUS] * Math.max(0, columns.focus[f] - p.focus);
      // First the pairs that may score above the bar: by what the facilitator can add, until
      // that cannot lift the pair above it. Once the provider covers the budget, only the
      // window and the focus still depend on the facilitator.
      if (top.canExceed(gBound, lead)) {
        const covered = ownBudget >= 1;
        const list = covered ? g.byExtra() : g.byGain();
        const adds = covered ? columns.extra : columns.gain;
        const base = covered ? head + w[BUDGET] : head + w[BUDGET] * ownBudget;
        // canExceed(x, lead) as one number, read again only when a bundle was offered.
        let exceed = top.exceedFloor(lead);
        for (let x = 0; x < list.length; x++) {
          const f = list[x];
          if (base + adds[f] < exceed) break;
          if (pairBound(f) >= exceed && consider(r, w, top, rejected, p.o, facilitators[f])) exceed = top.exceedFloor(lead);
        }
      }
      // Then those that can at best tie it (scores cluster on the rounded grid, so there can
      // be thousands): only keys below the bar's enter, so go by id and stop past it.
      if (!top.hasBar(lead)) continue;
      let limit = idLimitBelow(prefix, top.barKey(lead));
      let atLeast = top.floorFor(lead);
      for (let x = 0; x < g.members.length; x++) {
        const f = g.members[x];
        if (limit !== null && facilitators[f].offer.id >= limit) break;
        if (pairBound(f) < atLeast || !consider(r, w, top, rejected, p.o, facilitators[f])) continue;
        limit = idLimitBelow(prefix, top.barKey(lead));
        atLeast = top.floorFor(lead);
      }
    }
  }
}

/** P's part with any facilitator of the group: its core, the group's exact modality and target-group fits, its own focus. */
function headOf(r: PreparedRequest, w: Float64Array, p: SouthProvider, g: Group): number {
  return p.core + w[MODALITY] * modalityFit(r, p.o.modalities | g.modalities) + w[GROUP] * targetGroupFit(r, p.o.targetGroups | g.targetGroups) +
    w[FOCUS] * p.focus;
}

/** Provider i of the set as one object, for the few that are paired. */
function providerAt(ps: SouthProviders, i: number): SouthProvider {
  return { o: ps.o[i], core: ps.core[i], focus: ps.focus[i], share: ps.share[i], from: ps.from[i], to: ps.to[i], bound: ps.bound[i] };
}

/** The best coarse groupBound of provider i over the groups. */
function bestGroupBound(r: PreparedRequest, w: Float64Array, ps: SouthProviders, i: number, groups: readonly Group[]): number {
  const o = ps.o[i];
  const core = ps.core[i];
  const share = ps.share[i];
  const focus = ps.focus[i];
  const window = windowFit(r, ps.from[i], ps.to[i]);
  let bound = -Infinity;
  for (const g of groups) {
    const head = core + w[MODALITY] * modalityFit(r, o.modalities | g.modalities) + w[GROUP] * targetGroupFit(r, o.targetGroups | g.targetGroups) +
      w[FOCUS] * focus + w[BUDGET] * budgetBound(share, g.maxShare) + w[FOCUS] * Math.max(0, g.maxFocus - focus);
    bound = Math.max(bound, head + w[WINDOW] * Math.min(window, g.maxWindow));
  }
  return bound;
}

/** Bound of P with any facilitator of the group; `exactWindow` pays for a pass over the group (mostDaysWithin). */
function groupBound(r: PreparedRequest, w: Float64Array, p: SouthProvider, g: Group, exactWindow: boolean): number {
  const head = headOf(r, w, p, g) + w[BUDGET] * budgetBound(p.share, g.maxShare) + w[FOCUS] * Math.max(0, g.maxFocus - p.focus);
  const coarse = head + w[WINDOW] * Math.min(windowFit(r, p.from, p.to), g.maxWindow);
  return exactWindow ? Math.min(coarse, head + (w[WINDOW] * g.mostDaysWithin(p.from, p.to)) / r.days) : coarse;
}
