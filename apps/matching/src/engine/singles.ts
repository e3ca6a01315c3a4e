import { combinationKey } from './combination-key';
import { ORIGIN_SOUTH, RARE_LANGUAGE_BIT } from './offer-columns';
import type { OfferIndex } from './offer-index';
import type { PreparedOffer, PreparedRequest } from './prepared';
import { areaFit, budgetFit, combine, FACTOR_COUNT, modalityFit, round3, sdgFit, singleFactors, targetGroupFit, windowFit } from './scoring';
import type { TopK } from './top-k';

// Single-offer suggestions for one request, in one pass over the index's candidates. For each
// offer a bound on its score is built from the index's columns in two steps, cheapest first:
//   own   = area, SDG, target-group and language fit (+ equity), with the rest taken as perfect;
//   bound = own with the exact window, budget and modality fit.
// Languages are bounded from a bitmask (exact for the common languages, see offer-columns.ts),
// every other part is exact, so few offers reach the exact scoring. Southern provider offers
// whose bundle bound (a facilitator could make modalities and budget perfect; the window can
// only shrink) reaches the K-th score are kept for triangular bundles. The K-th score only
// rises, so what a bound rules out at any point stays ruled out.

const AREA = 0, MODALITY = 1, SDG = 2, GROUP = 3, LANGUAGE = 4, BUDGET = 5, WINDOW = 6, EQUITY = 7;
const scratch = new Float64Array(FACTOR_COUNT);

/** Per request: the bit and weight of each requested language, for bounding languageFit. */
interface LanguageBound {
  bits: number[];
  weights: number[];
  rare: number;
}

function languageBound(r: PreparedRequest): LanguageBound {
  const out: LanguageBound = { bits: [], weights: [], rare: 0 };
  r.languages.forEach((id, i) => {
    const weight = (r.languages.length - i) / r.languageWeightTotal;
    if (id < 31) (out.bits.push(1 << id), out.weights.push(weight));
    else out.rare += weight;
  });
  return out;
}

function languageFitAtMost(lb: LanguageBound, mask: number): number {
  let sum = mask & RARE_LANGUAGE_BIT ? lb.rare : 0;
  for (let i = 0; i < lb.bits.length; i++) if (mask & lb.bits[i]) sum += lb.weights[i];
  return sum;
}

export function addSingles(
  index: OfferIndex,
  r: PreparedRequest,
  w: Float64Array,
  top: TopK,
  rejected: ReadonlySet<string>,
  bundles: boolean,
): PreparedOffer[] {
  const { areas, modalities, sdgs, targetGroups, languages, budget, start, end, country, origin, live, seen, prepared } = index.columns;
  const stamp = index.nextStamp();
  const accepts = [r.acceptsNorthSouth, r.acceptsSouthSouth, r.acceptsMultilateral]; // by origin code
  const lb = languageBound(r);
  const equity = w[EQUITY] * r.equity;
  const rest = w[MODALITY] + w[BUDGET] + w[WINDOW];
  const south: PreparedOffer[] = [];
  const southBounds: number[] = [];
  for (const slots of index.providerSlotLists(r)) {
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      if (seen[s] === stamp) continue;
      seen[s] = stamp;
      if (live[s] === 0 || end[s] < r.start || start[s] > r.end || country[s] === r.country) continue;
      const own = w[AREA] * areaFit(r, areas[s]) + w[SDG] * sdgFit(r, sdgs[s]) + w[GROUP] * targetGroupFit(r, targetGroups[s]) +
        w[LANGUAGE] * languageFitAtMost(lb, languages[s]) + equity;
      if (!top.reachable(own + rest)) continue;
      const window = w[WINDOW] * windowFit(r, start[s], end[s]);
      if (bundles && origin[s] === ORIGIN_SOUTH) {
        south.push(prepared[s]);
        southBounds.push(own + w[MODALITY] + w[BUDGET] + window);
      }
      if (!accepts[origin[s]]) continue;
      if (!top.reachable(own + window + w[MODALITY] * modalityFit(r, modalities[s]) + w[BUDGET] * budgetFit(r, budget[s]))) continue;
      const o = prepared[s];
      const score = round3(combine(w, singleFactors(r, o, scratch)));
      if (!top.mayEnter(score)) continue;
      const key = combinationKey(r.request.id, [o.offer.id]);
      if (rejected.size > 0 && rejected.has(key)) continue;
      top.add({ score, key, offers: [o] });
    }
  }
  return south.filter((_, i) => top.reachable(southBounds[i]));
}
