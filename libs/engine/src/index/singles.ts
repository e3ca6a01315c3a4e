import { combinationKey } from '../ranking/combination-key';
import { languageBound, languageFitAtMost } from './language-bound';
import { ORIGIN_SOUTH, RARE_LANGUAGE_BIT } from './offer-columns';
import type { OfferIndex } from './offer-index';
import type { PreparedOffer, PreparedRequest } from '../scoring/prepared';
import { budgetFit, combine, languageFit, modalityFit, NEUTRAL, round3, singleFactors, windowFit } from '../scoring/fits';
import { popcount } from '../scoring/vocabulary';
import type { TopK } from '../ranking/top-k';
import { AREA, BUDGET, EQUITY, FACTOR_COUNT, GROUP, LANGUAGE, MODALITY, SDG, WINDOW } from '../scoring/factors';

// Single-offer suggestions for one request, in one pass over the index's candidates. For each
// offer a bound on its score is built from the index's columns in two steps, cheapest first:
//   own   = area, SDG, target-group and language fit (+ equity), with the rest taken as perfect;
//   bound = own with the exact window, budget and modality fit.
// Languages are bounded from a bitmask (exact for the common languages, see offer-columns.ts),
// every other part is exact, so few offers reach the exact scoring. Southern provider offers
// whose bundle bound (a facilitator could make modalities and budget perfect; the window can
// only shrink) reaches the K-th score are kept, with their parts, for triangular bundles.
// The K-th score only rises, so what a bound rules out at any point stays ruled out.

/**
 * A southern provider offer that may head a triangular bundle, with what the scan learnt:
 * `own` bounds its area, SDG, target-group, language and equity part (exact but for rare
 * languages), `share` is its budget over the asked one (0 when either has none), [from, to]
 * the request's window cut to the offer's, `bound` a bound on any bundle it heads.
 */
export interface SouthProvider {
  readonly o: PreparedOffer;
  readonly own: number;
  readonly share: number;
  readonly from: number;
  readonly to: number;
  bound: number;
}

const scratch = new Float64Array(FACTOR_COUNT);
// Southern provider candidates of the scan under way (one scan runs at a time).
const southSlots: number[] = [];
const southOwn: number[] = [];
const southBounds: number[] = [];

export function addSingles(
  index: OfferIndex,
  r: PreparedRequest,
  w: Float64Array,
  top: TopK,
  rejected: ReadonlySet<string>,
  bundles: boolean,
): SouthProvider[] {
  const { areas, modalities, sdgs, targetGroups, languages, budget, start, end, country, origin, live, seen, prepared } = index.columns;
  const stamp = index.nextStamp();
  const accepts = [r.acceptsNorthSouth, r.acceptsSouthSouth, r.acceptsMultilateral]; // by origin code
  const lb = languageBound(r);
  const equity = w[EQUITY] * r.equity;
  // Everything the inner loop reads from the request, hoisted into locals: the fits are
  // popcount × weight / count as in scoring.ts, with neutral constants folded in.
  const { areas: rAreas, sdgs: rSdgs, targetGroups: rGroups, start: rStart, end: rEnd, country: rCountry } = r;
  const perArea = r.areaCount ? w[AREA] / r.areaCount : 0;
  const perSdg = r.sdgCount ? w[SDG] / r.sdgCount : 0;
  const perGroup = r.targetGroupCount ? w[GROUP] / r.targetGroupCount : 0;
  const fixed = equity + (r.sdgCount ? 0 : w[SDG] * NEUTRAL) + (r.targetGroupCount ? 0 : w[GROUP] * NEUTRAL);
  const wLanguage = w[LANGUAGE];
  const rest = w[MODALITY] + w[BUDGET] + w[WINDOW]; // factors the column bound leaves for later
  southSlots.length = 0;
  southOwn.length = 0;
  southBounds.length = 0;
  // Buckets go area by area, then language by language in the request's order. An offer first
  // met in the bucket of the a-th area and l-th language has none of the earlier areas or
  // languages (it would sit in their buckets too), which bounds its area and language fit: a
  // bucket whose bound cannot reach the K-th score is skipped, and so are the later languages.
  const areaBits: number[] = [];
  for (let a = 0; a < 31; a++) if (r.areas & (1 << a)) areaBits.push(a);
  const others = w[MODALITY] + w[SDG] + w[GROUP] + w[BUDGET] + w[WINDOW] + equity;
  let languageTail = 1;
  const tails = Array.from(r.languages, (_, j) => (j === 0 ? 1 : (languageTail -= lb.all[j - 1])));
  for (let ai = 0; ai < areaBits.length; ai++) {
    const areaAtMost = w[AREA] * (areaBits.length - ai) / areaBits.length + others;
    if (!top.reachable(areaAtMost + w[LANGUAGE])) break;
    for (let j = 0; j < r.languages.length; j++) {
      if (!top.reachable(areaAtMost + w[LANGUAGE] * tails[j])) break;
      for (const token of r.tokens) {
        const slots = index.providerSlots(areaBits[ai], r.languages[j], token);
        if (!slots) continue;
        for (let i = 0; i < slots.length; i++) {
          const s = slots[i];
          if (seen[s] === stamp) continue;
          seen[s] = stamp;
          if (live[s] === 0 || end[s] < rStart || start[s] > rEnd || country[s] === rCountry) continue;
          const own = perArea * popcount(rAreas & areas[s]) + perSdg * popcount(rSdgs & sdgs[s]) +
            perGroup * popcount(rGroups & targetGroups[s]) + wLanguage * languageFitAtMost(lb, languages[s]) + fixed;
          if (!top.reachable(own + rest)) continue;
          const window = w[WINDOW] * windowFit(r, start[s], end[s]);
          const southBound = own + w[MODALITY] + w[BUDGET] + window; // also bounds the single
          if (!top.reachable(southBound)) continue;
          if (bundles && origin[s] === ORIGIN_SOUTH) {
            southSlots.push(s);
            southOwn.push(own);
            southBounds.push(southBound);
          }
          if (!accepts[origin[s]]) continue;
          const bound = own + window + w[MODALITY] * modalityFit(r, modalities[s]) + w[BUDGET] * budgetFit(r, budget[s]);
          if (!top.reachable(bound)) continue;
          const o = prepared[s];
          // Scores cluster on the rounded grid: one that can at best tie must win on key.
          let key = top.canExceed(bound) ? null : combinationKey(r.request.id, [o.offer.id]);
          if (key !== null && key >= top.kthKey) continue;
          const score = round3(combine(w, singleFactors(r, o, scratch)));
          if (!top.mayEnter(score)) continue;
          key ??= combinationKey(r.request.id, [o.offer.id]);
          if (rejected.size > 0 && rejected.has(key)) continue;
          top.add({ score, key, offers: [o] });
        }
      }
    }
  }
  // Only now, with the K-th score final for singles, are the survivors worth an object each.
  const south: SouthProvider[] = [];
  for (let i = 0; i < southSlots.length; i++) {
    let own = southOwn[i];
    let bound = southBounds[i];
    if (!top.reachable(bound)) continue;
    const s = southSlots[i];
    if (lb.rare > 0 && languages[s] & RARE_LANGUAGE_BIT) {
      // The mask only says "some rare language": pairing will test this provider against
      // every facilitator, so make its language part exact now.
      const exact = wLanguage * languageFit(r, prepared[s].languages);
      bound += exact - wLanguage * languageFitAtMost(lb, languages[s]);
      own += exact - wLanguage * languageFitAtMost(lb, languages[s]);
      if (!top.reachable(bound)) continue;
    }
    if (!top.reachableFor(bound, combinationKey(r.request.id, [prepared[s].offer.id, '']))) continue;
    const share = Number.isNaN(r.budget) || Number.isNaN(budget[s]) ? 0 : budget[s] / r.budget;
    south.push({ o: prepared[s], own, share, from: Math.max(r.start, start[s]), to: Math.min(r.end, end[s]), bound });
  }
  return south;
}
