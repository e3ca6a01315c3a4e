import type { TopK } from '../ranking/top-k';
import { bundleKeyPrefix, combinationKey } from '../ranking/combination-key';
import { rejectionEffect, type Rejections } from '../rules/rejections';
import { AREA, BUDGET, EQUITY, FACTOR_COUNT, FOCUS, GROUP, LANGUAGE, MODALITY, SDG, WINDOW } from '../scoring/factors';
import { areaFit, budgetFit, combine, languageFit, modalityFit, round3, sdgFit, singleFactors, windowFit } from '../scoring/fits';
import { deliversOwn, type PreparedRequest } from '../scoring/prepared';
import { popcount } from '../scoring/vocabulary';
import { languageBound, languageFitAtMost, mayDeliverOwn, type LanguageBound } from './language-bound';
import { ORIGIN_SOUTH, RARE_LANGUAGE_BIT } from './offer-columns';
import type { OfferIndex } from './offer-index';
import { bundleBound, SouthProviders, type FacilitatorReach } from '../bundles/facilitator-reach';

// Single-offer suggestions for one request, in one pass over the index's candidates. For each
// offer a bound on its score is built from the index's columns in two steps, cheapest first:
//   own   = area, SDG, language, target-group and focus fit (+ equity), the rest taken as perfect;
//   bound = own with the exact window, budget and modality fit.
// Languages (and whether the offer delivers in the request's own languages, for the area fit
// of language-technology requests) are bounded from a bitmask, exact for the common languages
// (offer-columns.ts); every other part is exact, so few offers reach the exact scoring. The
// focus comes from the bucket: the request's tokens go most specific first, so the token an
// offer is first met under is its most specific one. Southern provider offers whose bundle
// bound (a facilitator could make modalities, target groups, budget and focus perfect; the
// window can only shrink) reaches the bar are kept, with their parts, for triangular bundles.
// Bars only rise (ranking/top-k.ts), so what a bound rules out at any point stays ruled out.

const scratch = new Float64Array(FACTOR_COUNT);
// Southern providers kept before a top-K that is not yet full pairs them.
const EARLY_PAIR = 64;
// Southern provider candidates of the scan under way (one scan runs at a time).
const southSlots: number[] = [];
const southCore: number[] = [];
const southFocus: number[] = [];
const southBounds: number[] = [];
// How many of them are in use: the arrays keep their length from scan to scan, since emptying
// them (length = 0) gives their storage back and every scan grew it again.
let kept = 0;
// The providers handed to pairing, reused scan after scan.
const handed = new SouthProviders();


export function addSingles(
  index: OfferIndex,
  r: PreparedRequest,
  w: Float64Array,
  top: TopK,
  rejected: Rejections,
  reach: FacilitatorReach | null,
  pair: (providers: SouthProviders) => void,
): void {
  const bundles = reach !== null;
  const { areas, modalities, sdgs, targetGroups, languages, budget, start, end, country, origin, live, seen, prepared } = index.columns;
  const stamp = index.nextStamp();
  const accepts = [r.acceptsNorthSouth, r.acceptsSouthSouth, r.acceptsMultilateral]; // by origin code
  const lb = languageBound(r);
  const equity = w[EQUITY] * r.equity;
  // Everything the inner loop reads from the request, hoisted into locals: the fits are
  // popcount × weight / count as in scoring/fits.ts.
  const { areas: rAreas, sdgs: rSdgs, targetGroups: rGroups, start: rStart, end: rEnd, country: rCountry, firstArea } = r;
  const langTech = r.languageTechnology;
  const halfArea = w[AREA] / 2;
  const perArea = r.areaCount ? halfArea / r.areaCount : 0;
  const perSdg = r.sdgCount ? w[SDG] / r.sdgCount : 0;
  const perGroup = r.targetGroupCount ? w[GROUP] / r.targetGroupCount : 0;
  const wLanguage = w[LANGUAGE];
  const wFocus = w[FOCUS];
  const rest = w[MODALITY] + w[BUDGET] + w[WINDOW]; // factors the column bound leaves for later
  const liftable = w[GROUP] + w[FOCUS]; // what a facilitator can raise besides modalities and budget
  const grades = r.tokenGrades;
  const keysOnly = rejected.keysOnly;
  kept = 0;
  // Buckets go area by area, the first requested area first, then language by language in the
  // request's order. An offer first met in the bucket of the a-th area and l-th language has
  // none of the earlier areas or languages (it would sit in their buckets too), which bounds
  // its area and language fit: a bucket whose bound cannot reach the bar is skipped, and so
  // are the later languages.
  const areaBits: number[] = [];
  for (let a = 0; a < 31; a++) if (r.areas & (1 << a) && 1 << a !== firstArea) areaBits.push(a);
  if (firstArea) areaBits.unshift(31 - Math.clz32(firstArea));
  let others = equity;
  for (let f = 0; f < FACTOR_COUNT; f++) if (f !== AREA && f !== LANGUAGE && f !== EQUITY) others += w[f];
  const tails = new Array<number>(r.languages.length + 1).fill(0);
  for (let j = r.languages.length - 1; j >= 0; j--) tails[j] = tails[j + 1] + lb.all[j];
  const n = areaBits.length;
  // The bar as one number (TopK.floor), read again whenever the top-K changes.
  let floor = top.floor;
  for (let ai = 0; ai < n; ai++) {
    const areaAtMost = w[AREA] * ((ai === 0 ? 0.5 : 0) + (0.5 * (n - ai)) / n) + others;
    if (areaAtMost + wLanguage * tails[0] < floor) break;
    for (let j = 0; j < r.languages.length; j++) {
      if (areaAtMost + wLanguage * tails[j] < floor) break;
      for (let t = 0; t < r.tokens.length; t++) {
        const slots = index.providerSlots(areaBits[ai], r.languages[j], r.tokens[t]);
        if (!slots) continue;
        const focus = wFocus * grades[t];
        for (let i = 0; i < slots.length; i++) {
          const s = slots[i];
          if (seen[s] === stamp) continue;
          seen[s] = stamp;
          if (live[s] === 0 || end[s] < rStart || start[s] > rEnd || country[s] === rCountry) continue;
          let shared = rAreas & areas[s];
          if (shared & langTech && !mayDeliverOwn(lb, languages[s])) shared &= ~langTech;
          const core = perArea * popcount(shared) + (shared & firstArea ? halfArea : 0) + perSdg * popcount(rSdgs & sdgs[s]) +
            wLanguage * languageFitAtMost(lb, languages[s]) + equity;
          const own = core + perGroup * popcount(rGroups & targetGroups[s]) + focus;
          const heads = bundles && origin[s] === ORIGIN_SOUTH;
          if ((heads ? Math.max(own, core + liftable) : own) + rest < floor) continue;
          const window = w[WINDOW] * windowFit(r, start[s], end[s]);
          if (heads) {
            const share = Number.isNaN(r.budget) || Number.isNaN(budget[s]) ? 0 : budget[s] / r.budget;
            const southBound = bundleBound(r, w, modalities[s], targetGroups[s], core, share, grades[t], Math.max(rStart, start[s]), Math.min(rEnd, end[s]), reach);
            if (southBound >= floor) {
              southSlots[kept] = s;
              southCore[kept] = core;
              southFocus[kept] = grades[t];
              southBounds[kept] = southBound;
              kept++;
              // Until the top-K is full nothing prunes (say the request takes triangular
              // cooperation only): pair the providers found so far to set a bar.
              if (!top.full && kept >= EARLY_PAIR) {
                pairSouth(index, r, w, top, lb, reach, pair);
                floor = top.floor;
              }
            }
          }
          if (!accepts[origin[s]]) continue;
          const bound = own + window + w[MODALITY] * modalityFit(r, modalities[s]) + w[BUDGET] * budgetFit(r, budget[s]);
          if (bound < floor) continue;
          const o = prepared[s];
          // Scores cluster on the rounded grid: one that can at best tie must win on key.
          let key = top.canExceed(bound) ? null : combinationKey(r.request.id, [o.offer.id]);
          if (key !== null && key >= top.kthKey) continue;
          const score = round3(combine(w, singleFactors(r, o, scratch)));
          if (!top.mayEnter(score)) continue;
          key ??= combinationKey(r.request.id, [o.offer.id]);
          if (rejected.keys.size > 0 && rejected.keys.has(key)) continue;
          if (!keysOnly && rejectionEffect(rejected, r.request, [o.offer]) !== null) continue;
          top.add({ score, key, offers: [o] });
          floor = top.floor;
        }
      }
      // The first area's offers are the best, and those in the request's first language the
      // best of them: pairing their providers now raises the bar the rest is scanned against
      // (bars only rise, so what they rule out stays out), and many buckets of the later
      // languages then fall below it whole.
      if (ai === 0 && j === 0 && bundles) {
        pairSouth(index, r, w, top, lb, reach, pair);
        floor = top.floor;
      }
    }
  }
  if (bundles) pairSouth(index, r, w, top, lb, reach, pair);
}

/** Hands the southern providers kept since the last call that still reach the bar to `pair`. */
function pairSouth(
  index: OfferIndex, r: PreparedRequest, w: Float64Array, top: TopK, lb: LanguageBound, reach: FacilitatorReach, pair: (providers: SouthProviders) => void,
): void {
  const { budget, start, end, languages, prepared } = index.columns;
  const langTech = r.languageTechnology;
  const equity = w[EQUITY] * r.equity;
  const wLanguage = w[LANGUAGE];
  const south = handed;
  south.clear();
  for (let i = 0; i < kept; i++) {
    let core = southCore[i];
    let bound = southBounds[i];
    if (!top.reachable(bound)) continue;
    const s = southSlots[i];
    const o = prepared[s];
    const share = Number.isNaN(r.budget) || Number.isNaN(budget[s]) ? 0 : budget[s] / r.budget;
    const from = Math.max(r.start, start[s]);
    const to = Math.min(r.end, end[s]);
    if ((lb.rare > 0 || lb.ownRare) && languages[s] & RARE_LANGUAGE_BIT) {
      // The mask only says "some rare language": pairing will test this provider against
      // every facilitator, so make its area and language parts exact now.
      core = w[AREA] * areaFit(r, o.areas, langTech === 0 || deliversOwn(r, o)) + w[SDG] * sdgFit(r, o.sdgs) +
        wLanguage * languageFit(r, o.languages) + equity;
      bound = bundleBound(r, w, o.modalities, o.targetGroups, core, share, southFocus[i], from, to, reach);
      if (!top.reachable(bound)) continue;
    }
    if (!top.canExceed(bound) && !top.reachableFor(bound, bundleKeyPrefix(r.request.id, o.offer.id))) continue;
    south.push(o, core, southFocus[i], share, from, to, bound);
  }
  kept = 0;
  if (south.size > 0) pair(south);
}
