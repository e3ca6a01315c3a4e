import { combinationKey } from '../ranking/combination-key';
import { HARD_RULES } from '../rules/hard-rules';
import { offerPassesAlone } from '../rules/offer-checks';
import { prepareOffer, prepareRequest, type PreparedOffer } from '../scoring/prepared';
import { FACTOR_COUNT } from '../scoring/factors';
import { combine, round3 } from '../scoring/fits';
import { factorsOf, toSuggestions } from '../scoring/suggestion';
import { compareRanked, diverseTopK, leadOfferId, type Ranked } from '../ranking/top-k';
import type { RejectedInput } from '../rules/rejections';
import type { MatchOffer, MatchRequest, Suggestion } from '../types';
import { DEFAULT_TOP_K, type MatchOptions } from '../options';
import { DEFAULT_WEIGHTS, validateWeights, weightsFor, weightVector } from '../scoring/weights';

// The reference the fast path is tested and benchmarked against: no index, no pruning. Rules
// 1–6 concern one offer at a time, so they are checked once per offer (as the providing offer
// or as a facilitator); rules 7–9 are checked on every single and every provider + facilitator
// pair that survives them (rule 8 with the effects of the rejections' reason codes).
// Everything that passes is scored and sorted, and the first K in the diversity order
// (ranking/top-k.ts: diverseTopK) are the result.

const COMBINATION_RULES = HARD_RULES.filter((rule) => rule.id >= 7);
const NONE: ReadonlySet<string> = new Set();
const prepared = new WeakMap<MatchOffer, PreparedOffer>();

function prepareCached(offer: MatchOffer): PreparedOffer {
  let p = prepared.get(offer);
  if (!p) prepared.set(offer, (p = prepareOffer(offer)));
  return p;
}

export function bruteForceMatch(
  request: MatchRequest,
  offers: readonly MatchOffer[],
  rejected: RejectedInput = NONE,
  options: MatchOptions = {},
): Suggestion[] {
  const k = options.topK ?? DEFAULT_TOP_K;
  const weights = weightVector(validateWeights(options.weights ?? DEFAULT_WEIGHTS));
  if (request.status !== 'open' || k <= 0) return [];
  const r = prepareRequest(request);
  const w = weightsFor(weights, r);
  const scratch = new Float64Array(FACTOR_COUNT);
  const ranked: Ranked[] = [];
  const consider = (combo: MatchOffer[]): void => {
    if (!COMBINATION_RULES.every((rule) => rule.check({ request, offers: combo, rejected }) === null)) return;
    const parts = combo.map(prepareCached);
    const score = round3(combine(w, factorsOf(r, parts, scratch)));
    ranked.push({ score, key: combinationKey(request.id, combo.map((o) => o.id)), offers: parts });
  };
  const providing = offers.filter((o) => offerPassesAlone(request, o, true));
  for (const o of providing) consider([o]);
  const southProviders = providing.filter((o) => o.role === 'provider' && o.origin === 'south');
  const facilitators = offers.filter((o) => o.role === 'facilitator' && offerPassesAlone(request, o, false));
  for (const p of southProviders) for (const f of facilitators) consider([p, f]);
  ranked.sort(compareRanked);
  return toSuggestions(r, diverseTopK(ranked, k, leadOfferId), w);
}
