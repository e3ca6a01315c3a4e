// The matching engine: plain functions and one class over plain data (docs/style.md). The
// matching service feeds it projections of requests and offers and stores what it returns.
//
//   const engine = new MatchingEngine({ topK: 5, weights: DEFAULT_WEIGHTS });
//   engine.upsertOffer(offer);                        // on offer.published / offer.updated
//   engine.removeOffer(offerId);                      // on offer.withdrawn
//   engine.matchRequest(request, rejectedKeys);       // one request, best first
//   engine.matchAll(openRequests, rejectedByRequest); // full rebuild
//   engine.requestsAffectedBy(offer, openRequests, kthScores); // whom a changed offer may reach
//   explainExclusion(request, offers, rejectedKeys);  // which hard rules a combination fails
//   combinationKey(requestId, offerIds);              // the unique key of a combination
export { combinationKey } from './combination-key';
export { MatchingEngine } from './matching-engine';
export { bruteForceMatch, DEFAULT_TOP_K, type MatchOptions } from './brute-force';
export { explainExclusion, HARD_RULES, type HardRule, type RuleInput, type RuleViolation } from './hard-rules';
export { DEFAULT_WEIGHTS, FACTORS, validateWeights, type Weights } from './weights';
export { equityOf, NEUTRAL } from './scoring';
export * from './types';
