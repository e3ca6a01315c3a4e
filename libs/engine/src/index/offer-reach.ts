import type { PreparedOffer, PreparedRequest } from '../scoring/prepared';

// The rules that concern one offer and one request alone, for a changed offer (offer-entry.ts
// decides from there which combinations it can enter): 1 (the index holds only open offers
// with a slot), 2 (not the requester's own country), 3 (eligibility tokens meet), 4 (windows
// overlap) and 5 (a shared delivery language). Rule 6, a shared capacity area, concerns only
// the providing offer of a combination.

function sharesAny(a: Int32Array, b: Int32Array): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

export function passesAlone(r: PreparedRequest, o: PreparedOffer): boolean {
  return (
    o.start <= r.end &&
    r.start <= o.end &&
    o.country !== r.country &&
    sharesAny(o.languages, r.languages) &&
    sharesAny(o.tokens, r.tokens)
  );
}
