import type { PreparedRequest } from '../scoring/prepared';
import { RARE_LANGUAGE_BIT } from './offer-columns';

// languageFit (scoring/fits.ts) bounded from an offer's language bitmask (offer-columns.ts), so
// the candidate scan never has to open the offer's own language list: exact when the request's
// and the offer's languages are all common ones, an upper bound otherwise. The same mask bounds
// whether the offer delivers in one of the request's own languages (the language-technology
// rule of the area fit).

/** Per request: the bit and weight of each requested language, for bounding languageFit. */
export interface LanguageBound {
  bits: number[];
  weights: number[];
  rare: number;
  /** Weight of each requested language, in the request's order. */
  all: number[];
  /** Bits of the request's own common languages; `ownRare` when one of them is rare. */
  ownBits: number;
  ownRare: boolean;
}

export function languageBound(r: PreparedRequest): LanguageBound {
  const out: LanguageBound = { bits: [], weights: [], rare: 0, all: [], ownBits: 0, ownRare: false };
  r.languages.forEach((id, i) => {
    const weight = r.languageWeights[i];
    out.all.push(weight);
    if (id < 31) {
      out.bits.push(1 << id);
      out.weights.push(weight);
    } else {
      out.rare += weight;
    }
  });
  for (const id of r.ownLanguages) {
    if (id < 31) out.ownBits |= 1 << id;
    else out.ownRare = true;
  }
  return out;
}

export function languageFitAtMost(lb: LanguageBound, mask: number): number {
  let sum = mask & RARE_LANGUAGE_BIT ? lb.rare : 0;
  for (let i = 0; i < lb.bits.length; i++) if (mask & lb.bits[i]) sum += lb.weights[i];
  return sum;
}

/** False only when the offer surely delivers in none of the request's own languages. */
export function mayDeliverOwn(lb: LanguageBound, mask: number): boolean {
  return (mask & lb.ownBits) !== 0 || (lb.ownRare && (mask & RARE_LANGUAGE_BIT) !== 0);
}
