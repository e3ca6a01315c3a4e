import { RARE_LANGUAGE_BIT } from './offer-columns';
import type { PreparedRequest } from '../scoring/prepared';

// languageFit (scoring.ts) bounded from an offer's language bitmask (offer-columns.ts), so the
// candidate scan never has to open the offer's own language list: exact when the request's
// and the offer's languages are all common ones, an upper bound otherwise.

/** Per request: the bit and weight of each requested language, for bounding languageFit. */
export interface LanguageBound {
  bits: number[];
  weights: number[];
  rare: number;
  /** Weight of each requested language, in the request's order. */
  all: number[];
}

export function languageBound(r: PreparedRequest): LanguageBound {
  const out: LanguageBound = { bits: [], weights: [], rare: 0, all: [] };
  r.languages.forEach((id, i) => {
    const weight = (r.languages.length - i) / r.languageWeightTotal;
    out.all.push(weight);
    if (id < 31) {
      out.bits.push(1 << id);
      out.weights.push(weight);
    } else {
      out.rare += weight;
    }
  });
  return out;
}

export function languageFitAtMost(lb: LanguageBound, mask: number): number {
  let sum = mask & RARE_LANGUAGE_BIT ? lb.rare : 0;
  for (let i = 0; i < lb.bits.length; i++) if (mask & lb.bits[i]) sum += lb.weights[i];
  return sum;
}
