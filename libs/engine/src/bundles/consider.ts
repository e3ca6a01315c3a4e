import { combinationKey } from '../ranking/combination-key';
import type { TopK } from '../ranking/top-k';
import { rejectionEffect, type Rejections } from '../rules/rejections';
import { FACTOR_COUNT } from '../scoring/factors';
import { bundleFactors, combine, round3 } from '../scoring/fits';
import type { PreparedOffer, PreparedRequest } from '../scoring/prepared';

const scratch = new Float64Array(FACTOR_COUNT);

/** Scores one bundle exactly and offers it to the top-K; false when it was not offered (the top-K is unchanged). */
export function consider(r: PreparedRequest, w: Float64Array, top: TopK, rejected: Rejections, p: PreparedOffer, f: PreparedOffer): boolean {
  const score = round3(combine(w, bundleFactors(r, p, f, scratch)));
  if (!top.mayEnter(score, p.offer.id)) return false;
  const key = combinationKey(r.request.id, [p.offer.id, f.offer.id]);
  if (rejected.keys.size > 0 && rejected.keys.has(key)) return false;
  if (!rejected.keysOnly && rejectionEffect(rejected, r.request, [p.offer, f.offer]) !== null) return false;
  top.add({ score, key, offers: [p, f] });
  return true;
}
