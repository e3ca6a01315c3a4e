// The matching engine: plain functions and one class over plain data (docs/style.md), no
// NestJS, database or Redis. The matching service feeds it projections of requests and offers
// (shapes in types.ts mirror the event snapshots) and stores what it returns.
//
//   const engine = new MatchingEngine({ topK: 5, weights: DEFAULT_WEIGHTS }); // weights validated
//   engine.upsertOffer(offer);                        // offer.published / offer.updated
//   engine.removeOffer(offerId);                      // offer.withdrawn (or upsert the closed offer)
//   engine.matchRequest(request, rejected);          // one request: top-K in the diversity order
//   engine.matchAll(openRequests, rejectedByRequest); // full rebuild: Map requestId → top-K
//   engine.requestsAffectedBy(offer, openRequests, kthScores); // requests a changed offer may enter
//   bruteForceMatch(request, offers, rejected, { topK, weights }); // the reference, same output
//   explainExclusion(request, offers, rejected);      // failed hard rules, with reasons
//   combinationKey(requestId, offerIds);              // unique key of a combination
//   Rejections.from(records);                         // rejections with reason codes and their effects
//   diverseTopK(rankedList, k, lead);                 // the diversity order on a ranked list
//
// `rejected` is a set of rejected combination keys, or Rejections built from the stored
// rejections with their reason codes (rules/rejections.ts says what each code does).
// Ranking is score descending, then key ascending, so equal inputs give equal outputs.
// Diversity orders, it never hides: the best variant of each provider offer (a single's offer,
// a bundle's first offer) first, then the remaining combinations until K (ranking/top-k.ts).
// After an offer changes, re-match the requests requestsAffectedBy names plus those whose
// current suggestions hold the offer. kthScores may only bar requests whose top-K holds K
// distinct provider offers: where it shows variants of fewer, any new provider offer enters.
// One engine instance is not safe to share between worker threads; the service keeps one per
// process. The matching service runs with --max-semi-space-size=64 (scripts/service-node-flags.json):
// a full rebuild allocates tens of thousands of explained suggestions (bench/matching.bench.ts).
export { bruteForceMatch } from './reference/brute-force';
export { combinationKey } from './ranking/combination-key';
export { Rejections, rejectionEffect, type RejectedByRequest, type RejectedInput } from './rules/rejections';
export { diverseTopK } from './ranking/top-k';
export { explainExclusion, HARD_RULES, type HardRule, type RuleInput, type RuleViolation } from './rules/hard-rules';
export { MatchingEngine } from './matching-engine';
export { DEFAULT_TOP_K, type MatchOptions } from './options';
export { equityOf } from './scoring/equity';
export { FACTORS } from './scoring/factors';
export { NEUTRAL } from './scoring/fits';
export * from './types';
export { DEFAULT_WEIGHTS, validateWeights, type Weights } from './scoring/weights';
