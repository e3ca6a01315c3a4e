/**
 * The one canonical identity of a suggested combination: the request and its offers in
 * suggestion order (provider first, facilitator second). Rejections are stored under it (hard
 * rule 8), the service uses it as a unique key, and ties in ranking are broken by it, so it
 * must never change shape once suggestions are stored.
 */
export function combinationKey(requestId: string, offerIds: readonly string[]): string {
  // Singles and bundles spelt out: Array#join is a runtime call, and ranking builds many keys.
  if (offerIds.length === 1) return requestId + '|' + offerIds[0];
  if (offerIds.length === 2) return requestId + '|' + offerIds[0] + '+' + offerIds[1];
  return `${requestId}|${offerIds.join('+')}`;
}

/** What every key of a bundle led by `leadOfferId` starts with: combinationKey(requestId, [leadOfferId, '']). */
export function bundleKeyPrefix(requestId: string, leadOfferId: string): string {
  return `${requestId}|${leadOfferId}+`;
}

/**
 * For bundle keys `prefix + id` (prefix from bundleKeyPrefix): the id from which on a key is
 * no longer below `bar` (prefix + id >= bar exactly when id >= the result), '' when no key with
 * this prefix is below it, null when every one is. Lets a loop over ids compare ids alone
 * instead of building each key.
 */
export function idLimitBelow(prefix: string, bar: string): string | null {
  if (bar.startsWith(prefix)) return bar.slice(prefix.length);
  return bar < prefix ? '' : null;
}
