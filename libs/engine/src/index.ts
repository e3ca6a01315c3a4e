// The matching engine: plain functions and one class over plain data (docs/style.md), no
// NestJS, database or Redis. The matching service feeds it projections of requests and offers
// (shapes in types.ts mirror the event snapshots) and stores what it returns.
//
//   const engine = new MatchingEngine({ topK: 5, weights: DEFAULT_WEIGHTS }); // weights validated
//   engine.upsertOffer(offer);                        // offer.published / offer.updated
//   engine.removeOffer(offerId);                      // offer.withdrawn (or upsert the closed offer)
//   engine.matchRequest(request, rejectedKeys);       // one request: top-K, best first
//   engine.matchAll(openRequests, rejectedByRequest); // full rebuild: Map requestId → top-K
//   engine.requestsAffectedBy(offer, openRequests, kthScores); // requests a changed offer may enter
//   bruteForceMatch(request, offers, rejectedKeys, { topK, weights }); // the reference, same output
//   explainExclusion(request, offers, rejectedKeys);  // failed hard rules, with reasons
//   combinationKey(requestId, offerIds);              // unique key of a combination
//
// Ranking is score descending, then key ascending, so equal inputs give equal outputs.
// Diversity: within one request's top-K each provider offer (a single's offer, a bundle's first
// offer) appears at most once, as the best-ranked of its variants (its single and its bundles);
// the others are dropped and the next distinct candidates fill the top-K. Rejection stays per
// combination: once the best variant is rejected, the next variant of that offer may appear.
// After an offer changes, re-match the requests requestsAffectedBy names plus those whose
// current suggestions hold the offer; the rule keeps this sufficient, since a top-K only
// changes when a combination with the new offer ranks above its K-th (possibly replacing a
// variant of the same provider offer), and a removal only changes the top-Ks that held it.
// One engine instance is not safe to share between worker threads; the service keeps one per
// process. Run the service with --max-semi-space-size=64: a full rebuild allocates tens of
// thousands of explained suggestions (bench/matching.bench.ts).
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
