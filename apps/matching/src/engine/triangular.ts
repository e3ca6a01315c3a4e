import { combinationKey } from './combination-key';
import type { PreparedOffer, PreparedRequest } from './prepared';
import { areaFit, bundleFactors, combine, FACTOR_COUNT, languageFit, modalityFit, round3, sdgFit, targetGroupFit, windowFit } from './scoring';
import type { TopK } from './top-k';

// Triangular bundles (south provider offer + north or multilateral facilitator offer) without
// scoring every pair. The bundle score is bounded by a provider part plus a facilitator part:
//   modality fit of P ∪ F ≤ fit(P) + fit(F)                          (shared modalities add up at most)
//   budget fit ≤ max(0.5, min(1, share(P))) + min(1, share(F))        (neutral 0.5 when no budget)
//   window fit of P ∩ F ≤ fit(F)
// so with facilitators sorted by their part, the scan over them stops as soon as the bound
// cannot reach the K-th score, and providers are taken best bound first and stop the same way.
// The bounds only ever drop what cannot tie or beat the K-th entry, so the result is the same
// as brute force (checked by the property tests).

// Factor positions in FACTORS order.
const AREA = 0, MODALITY = 1, SDG = 2, GROUP = 3, LANGUAGE = 4, BUDGET = 5, WINDOW = 6, EQUITY = 7;

interface Part {
  readonly o: PreparedOffer;
  readonly bound: number;
  readonly fixed: number;
}

/** Offered budget as a share of the asked one; 0 when either side has none. */
function budgetShare(r: PreparedRequest, o: PreparedOffer): number {
  return Number.isNaN(r.budget) || Number.isNaN(o.budget) ? 0 : o.budget / r.budget;
}

export function addBundles(
  r: PreparedRequest,
  providers: readonly PreparedOffer[],
  facilitators: readonly PreparedOffer[],
  w: Float64Array,
  top: TopK,
  rejected: ReadonlySet<string>,
): void {
  if (providers.length === 0 || facilitators.length === 0) return;
  let maxModality = 0;
  let maxShare = 0;
  const fParts: Part[] = facilitators.map((o) => {
    const m = modalityFit(r, o.modalities);
    const s = Math.min(1, budgetShare(r, o));
    maxModality = Math.max(maxModality, m);
    maxShare = Math.max(maxShare, s);
    return { o, bound: w[MODALITY] * m + w[BUDGET] * s + w[WINDOW] * windowFit(r, o.start, o.end), fixed: 0 };
  });
  let best = 0;
  for (const f of fParts) best = Math.max(best, f.bound);
  const pParts: Part[] = [];
  let maxFixed = -Infinity;
  for (const o of providers) {
    const own =
      w[AREA] * areaFit(r, o.areas) + w[SDG] * sdgFit(r, o.sdgs) + w[GROUP] * targetGroupFit(r, o.targetGroups) +
      w[LANGUAGE] * languageFit(r, o.languages) + w[EQUITY] * r.equity;
    const m = modalityFit(r, o.modalities);
    const s = budgetShare(r, o);
    const fixed = own + w[MODALITY] * m + w[BUDGET] * Math.max(0.5, Math.min(1, s));
    const joint =
      own + w[MODALITY] * Math.min(1, m + maxModality) + w[BUDGET] * Math.max(0.5, Math.min(1, s + maxShare)) +
      w[WINDOW] * windowFit(r, o.start, o.end);
    const bound = Math.min(joint, fixed + best);
    if (!top.reachable(bound)) continue;
    pParts.push({ o, bound, fixed });
    maxFixed = Math.max(maxFixed, fixed);
  }
  if (pParts.length === 0) return;
  // A facilitator that no provider can lift to the K-th score is dropped before sorting.
  const useful = fParts.filter((f) => top.reachable(maxFixed + f.bound)).sort((a, b) => b.bound - a.bound);
  pParts.sort((a, b) => b.bound - a.bound);
  const scratch = new Float64Array(FACTOR_COUNT);
  for (const p of pParts) {
    if (!top.reachable(p.bound)) break;
    for (const f of useful) {
      if (!top.reachable(p.fixed + f.bound)) break;
      const score = round3(combine(w, bundleFactors(r, p.o, f.o, scratch)));
      if (!top.mayEnter(score)) continue;
      const key = combinationKey(r.request.id, [p.o.offer.id, f.o.offer.id]);
      if (rejected.size > 0 && rejected.has(key)) continue;
      top.add({ score, key, offers: [p.o, f.o] });
    }
  }
}
