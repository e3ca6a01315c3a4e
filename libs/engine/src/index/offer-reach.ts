import type { PreparedOffer, PreparedRequest } from '../scoring/prepared';
import { combine, singleFactors, windowFit } from '../scoring/fits';
import { reaches } from '../ranking/top-k';
import { BUDGET, EQUITY, FACTOR_COUNT, FOCUS, GROUP, MODALITY, WINDOW } from '../scoring/factors';

// Which requests a new or changed offer could enter: the offer must pass the rules that concern
// it alone (1–6), the request must accept a cooperation type the offer can take part in, and,
// when the request's top-K is full, the offer's best possible score must reach its K-th score.


function sharesAny(a: Int32Array, b: Int32Array): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

function passesAlone(r: PreparedRequest, o: PreparedOffer): boolean {
  return (
    o.start <= r.end &&
    r.start <= o.end &&
    o.country !== r.country &&
    sharesAny(o.languages, r.languages) &&
    sharesAny(o.tokens, r.tokens)
  );
}

/** Best score the offer could have in any suggestion for the request, or -1 when it has none. */
function bestPossible(r: PreparedRequest, o: PreparedOffer, w: Float64Array): number {
  const { origin, role } = o.offer;
  const window = w[WINDOW] * windowFit(r, o.start, o.end);
  if (role === 'facilitator') {
    // Anything the provider part could bring, at most 1 per factor.
    return r.acceptsTriangular ? 1 - w[WINDOW] - w[EQUITY] + w[EQUITY] * r.equity + window : -1;
  }
  if ((r.areas & o.areas) === 0) return -1;
  const factors = singleFactors(r, o, new Float64Array(FACTOR_COUNT));
  const accepted = origin === 'south' ? r.acceptsSouthSouth : origin === 'north' ? r.acceptsNorthSouth : r.acceptsMultilateral;
  let best = accepted ? combine(w, factors) : -1;
  if (origin === 'south' && r.acceptsTriangular) {
    // A facilitator may complete the modalities, target groups, budget and focus; the window
    // can only shrink.
    factors[MODALITY] = 1;
    factors[GROUP] = 1;
    factors[BUDGET] = 1;
    factors[FOCUS] = 1;
    best = Math.max(best, combine(w, factors));
  }
  return best;
}

/** `o` must be indexable (open, with a slot, not a southern facilitator). */
export function couldEnter(r: PreparedRequest, o: PreparedOffer, w: Float64Array, kthScore: number | undefined): boolean {
  if (!passesAlone(r, o)) return false;
  const best = bestPossible(r, o, w);
  if (best < 0) return false;
  return kthScore === undefined || reaches(best, kthScore);
}
