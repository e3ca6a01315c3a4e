import { bundleKeyPrefix, combinationKey, idLimitBelow } from '../ranking/combination-key';
import { BoundHeap } from './bound-heap';
import { FacilitatorGroups, type Group } from './facilitator-groups';
import type { PreparedOffer, PreparedRequest } from '../scoring/prepared';
import { budgetBound, type FacilitatorReach, type SouthProvider } from './facilitator-reach';
import { rejectionEffect, type Rejections } from '../rules/rejections';
import { budgetFit, bundleFactors, combine, modalityFit, round3, targetGroupFit, windowFit } from '../scoring/fits';
import type { TopK } from '../ranking/top-k';
import { BUDGET, FACTOR_COUNT, FOCUS, GROUP, MODALITY, WINDOW } from '../scoring/factors';

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
  providers: readonly SouthProvider[],
  reach: FacilitatorReach,
  w: Float64Array,
  top: TopK,
  rejected: Rejections,
): void {
  const { facilitators } = reach;
  if (providers.length === 0 || facilitators.length === 0) return;
  if (!top.full) seed(r, w, top, rejected, providers, reach);
  const live = providers.filter((p) => top.reachable(p.bound));
  if (live.length === 0) return;
  let bestCore = -Infinity;
  let bestShare = 0;
  let bestFocus = 0;
  let liveGroups = 0;
  for (const p of live) {
    bestCore = Math.max(bestCore, p.core);
    bestShare = Math.max(bestShare, p.share);
    bestFocus = Math.max(bestFocus, p.focus);
    liveGroups |= p.o.targetGroups;
  }
  const { groups, columns } = groupsFor(r, w, reach, bestCore + w[MODALITY], bestShare, bestFocus, liveGroups, top.floor);
  if (groups.length === 0) return;
  // Best bound first, the bound refined over the groups (groupBound) only when a provider comes
  // up: one is refined while its coarse bound is at least the best refined one left, and paired
  // once its refined bound is the best left. Bars rise as bundles enter, so most providers are
  // ruled out by their coarse bound before anything is spent on them.
  // Both orders are heaps: few providers ever come up, so sorting them all would cost more.
  const coarse = new BoundHeap();
  for (const p of live) coarse.push(p);
  const refined = new BoundHeap();
  for (;;) {
    while (coarse.size > 0 && (refined.size === 0 || (coarse.peek() as SouthProvider).bound >= (refined.peek() as SouthProvider).bound)) {
      const p = coarse.pop() as SouthProvider;
      // By coarse bound: once one cannot reach the bar, no later one can.
      if (!top.reachable(p.bound)) coarse.clear();
      else if (top.reachable((p.bound = Math.min(p.bound, bestGroupBound(r, w, p, groups))))) refined.push(p);
    }
    const p = refined.pop();
    if (p === undefined || !top.reachable(p.bound)) break;
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

/** What groupsFor last built, and for which request (its reach) and which providers. */
interface BuiltGroups {
  reach: FacilitatorReach;
  lifted: number;
  share: number;
  focus: number;
  targetGroups: number;
  floor: number;
  built: FacilitatorGroups;
}
let lastBuilt: BuiltGroups | null = null;

/**
 * The request's facilitators that could lift a provider to the bar, grouped. A facilitator
 * that could not lift even the best provider (`lifted` = its core plus a perfect modality fit,
 * the best budget share and focus, all their target groups) is dropped. A request pairs its
 * providers in a few rounds; a later round whose providers are no better and whose bar is no
 * lower reuses the groups built before (holding more facilitators than needed costs nothing
 * but time), so they are built about once per request.
 */
function groupsFor(
  r: PreparedRequest, w: Float64Array, reach: FacilitatorReach, lifted: number, share: number, focus: number, targetGroups: number, floor: number,
): FacilitatorGroups {
  const last = lastBuilt;
  if (last !== null && last.reach === reach) {
    if (lifted <= last.lifted && share <= last.share && focus <= last.focus && (targetGroups & ~last.targetGroups) === 0 && floor >= last.floor) return last.built;
    lifted = Math.max(lifted, last.lifted);
    share = Math.max(share, last.share);
    focus = Math.max(focus, last.focus);
    targetGroups |= last.targetGroups;
    floor = Math.min(floor, last.floor);
  }
  const built = new FacilitatorGroups(r, w, reach, (fGroups, fShare, window, fFocus) =>
    lifted + w[GROUP] * targetGroupFit(r, targetGroups | fGroups) + w[BUDGET] * budgetBound(share, fShare) + w[WINDOW] * window +
      w[FOCUS] * Math.max(focus, fFocus) >= floor,
  );
  lastBuilt = { reach, lifted, share, focus, targetGroups, floor, built };
  return built;
}

const scratch = new Float64Array(FACTOR_COUNT);

/** Scores one bundle exactly and offers it to the top-K; false when it was not offered (the top-K is unchanged). */
function consider(r: PreparedRequest, w: Float64Array, top: TopK, rejected: Rejections, p: PreparedOffer, f: PreparedOffer): boolean {
  const score = round3(combine(w, bundleFactors(r, p, f, scratch)));
  if (!top.mayEnter(score, p.offer.id)) return false;
  const key = combinationKey(r.request.id, [p.offer.id, f.offer.id]);
  if (rejected.keys.size > 0 && rejected.keys.has(key)) return false;
  if (!rejected.keysOnly && rejectionEffect(rejected, r.request, [p.offer, f.offer]) !== null) return false;
  top.add({ score, key, offers: [p, f] });
  return true;
}

/** P's part with any facilitator of the group: its core, the group's exact modality and target-group fits, its own focus. */
function headOf(r: PreparedRequest, w: Float64Array, p: SouthProvider, g: Group): number {
  return p.core + w[MODALITY] * modalityFit(r, p.o.modalities | g.modalities) + w[GROUP] * targetGroupFit(r, p.o.targetGroups | g.targetGroups) +
    w[FOCUS] * p.focus;
}

/**
 * When singles leave the top-K short (say the request accepts triangular cooperation only),
 * no bound can prune yet; pairing the most promising providers first sets a K-th score to
 * prune the rest with. A provider offer fills at most one entry (the diversity rule), so this
 * goes provider by provider until the top-K is full, each with the few facilitators that bring
 * the most on their own (any real bundle sets a valid bar: pairing each with every facilitator
 * cost thousands of scores per request against 100,000 offers). The pairs are met again later
 * and not re-added.
 */
function seed(r: PreparedRequest, w: Float64Array, top: TopK, rejected: Rejections, parts: readonly SouthProvider[], reach: FacilitatorReach): void {
  const picked = promising(r, w, reach, SEED_FACILITATORS);
  const byBound = [...parts].sort((a, b) => b.bound - a.bound);
  for (const p of byBound) {
    if (top.full) return;
    for (const f of picked) consider(r, w, top, rejected, p.o, f);
  }
}

const SEED_FACILITATORS = 4;

/** The `n` facilitators whose own modalities, target groups, budget, window and focus score highest. */
function promising(r: PreparedRequest, w: Float64Array, reach: FacilitatorReach, n: number): PreparedOffer[] {
  const picked: PreparedOffer[] = [];
  const values: number[] = [];
  reach.facilitators.forEach((f, i) => {
    const value = w[MODALITY] * modalityFit(r, f.modalities) + w[GROUP] * targetGroupFit(r, f.targetGroups) + w[BUDGET] * budgetFit(r, f.budget) +
      w[WINDOW] * windowFit(r, f.start, f.end) + w[FOCUS] * reach.focus[i];
    let at = picked.length;
    while (at > 0 && values[at - 1] < value) at--;
    if (at >= n) return;
    picked.splice(at, 0, f);
    values.splice(at, 0, value);
    if (picked.length > n) {
      picked.pop();
      values.pop();
    }
  });
  return picked;
}

function bestGroupBound(r: PreparedRequest, w: Float64Array, p: SouthProvider, groups: readonly Group[]): number {
  let bound = -Infinity;
  for (const g of groups) bound = Math.max(bound, groupBound(r, w, p, g, false));
  return bound;
}

/** Bound of P with any facilitator of the group; `exactWindow` pays for a pass over the group (mostDaysWithin). */
function groupBound(r: PreparedRequest, w: Float64Array, p: SouthProvider, g: Group, exactWindow: boolean): number {
  const head = headOf(r, w, p, g) + w[BUDGET] * budgetBound(p.share, g.maxShare) + w[FOCUS] * Math.max(0, g.maxFocus - p.focus);
  const coarse = head + w[WINDOW] * Math.min(windowFit(r, p.from, p.to), g.maxWindow);
  return exactWindow ? Math.min(coarse, head + (w[WINDOW] * g.mostDaysWithin(p.from, p.to)) / r.days) : coarse;
}
