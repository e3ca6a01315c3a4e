import type { MatchOffer, MatchRequest, RejectionReasonCode, RejectionRecord } from '../types';

// What a coordinator's rejection means for the rest of a request's suggestions. The rejected
// combination itself never comes back (hard rule 8, every code). A reason code adds an effect:
//
//   capacity-mismatch    the rejected provider offer is dropped in every variant (a facilitator
//                        cannot change what it covers), and every other combination's providing
//                        offer must cover the request's first capacity area
//   language-mismatch    the rejected provider offer is dropped in every variant, and every other
//                        providing offer must deliver in the request's first delivery language
//   provider-unsuitable  every offer of the rejected combination's provider (the providing offer's
//                        organisation) is dropped, as provider and as facilitator
//   budget               only combinations whose offered budget covers the whole asked budget remain
//                        (no effect when the request asks for none)
//   timing               only combinations that run the whole requested window remain
//   other                nothing beyond the combination itself
//
// Effects add up over a request's rejections; they never lift a rule, only narrow.

const NO_KEYS: ReadonlySet<string> = new Set();

export class Rejections {
  /** Rejected combination keys (hard rule 8). */
  readonly keys = new Set<string>();
  /** Provider offers dropped in every variant (capacity- and language-mismatch). */
  readonly offers = new Set<string>();
  /** Providers whose every offer is dropped (provider-unsuitable). */
  readonly providers = new Set<string>();
  firstArea = false;
  firstLanguage = false;
  fullBudget = false;
  fullWindow = false;

  /** No rejections (a fresh instance each time, so no caller can add to a shared one). */
  static get NONE(): Rejections {
    return new Rejections();
  }

  static from(records: Iterable<RejectionRecord>): Rejections {
    const out = new Rejections();
    for (const r of records) out.add(r);
    return out;
  }

  /** Plain keys, as hard rule 8 alone knows them (no reason codes). */
  static ofKeys(keys: Iterable<string>): Rejections {
    const out = new Rejections();
    for (const k of keys) out.keys.add(k);
    return out;
  }

  add(record: RejectionRecord): this {
    this.keys.add(record.key);
    const lead = record.offerIds[0];
    const code: RejectionReasonCode = record.reasonCode ?? 'other';
    if (code === 'capacity-mismatch') {
      if (lead) this.offers.add(lead);
      this.firstArea = true;
    } else if (code === 'language-mismatch') {
      if (lead) this.offers.add(lead);
      this.firstLanguage = true;
    } else if (code === 'provider-unsuitable') {
      // Without the provider's id (a record from before it was kept) only its offer can go.
      if (record.providerId) this.providers.add(record.providerId);
      else if (lead) this.offers.add(lead);
    } else if (code === 'budget') this.fullBudget = true;
    else if (code === 'timing') this.fullWindow = true;
    return this;
  }

  /** True when nothing but combination keys was rejected (the cheap common case). */
  get keysOnly(): boolean {
    return this.offers.size === 0 && this.providers.size === 0 && !this.firstArea && !this.firstLanguage && !this.fullBudget && !this.fullWindow;
  }
}

// Shared by every request without rejections; never handed to code that adds to it.
const EMPTY = new Rejections();

/** The rejections of one request, from a bare key set or from built effects. */
export function rejectionsOf(input: ReadonlySet<string> | Rejections | undefined): Rejections {
  if (input instanceof Rejections) return input;
  return input === undefined || input.size === 0 ? EMPTY : Rejections.ofKeys(input);
}

export const keysOf = (input: ReadonlySet<string> | Rejections | undefined): ReadonlySet<string> =>
  input === undefined ? NO_KEYS : input instanceof Rejections ? input.keys : input;

/** What coordinators rejected for one request: bare combination keys, or rejections with effects. */
export type RejectedInput = ReadonlySet<string> | Rejections;

/** Rejections per request id. */
export type RejectedByRequest = ReadonlyMap<string, RejectedInput>;

const positive = (usd: number | null): number => (usd !== null && usd > 0 ? usd : 0);

/**
 * Null when the combination (offers in suggestion order) survives the effects of the reason
 * codes, else why not. The combination's own key (rule 8) is checked by the hard rules.
 */
export function rejectionEffect(rejections: Rejections, request: MatchRequest, offers: readonly MatchOffer[]): string | null {
  if (rejections.keysOnly || offers.length === 0) return null;
  const lead = offers[0];
  if (rejections.offers.has(lead.id)) return `coordinators rejected offer ${lead.id} for this request as not matching its need`;
  for (const o of offers) {
    if (rejections.providers.has(o.providerId)) return `coordinators rejected provider ${o.providerId} as unsuitable for this request`;
  }
  const area = request.capacityAreas[0];
  if (rejections.firstArea && area !== undefined && !lead.capacityAreas.includes(area)) {
    return `after a capacity mismatch, the providing offer must cover ${area}, the request's first capacity area`;
  }
  const language = request.deliveryLanguages[0];
  if (rejections.firstLanguage && language !== undefined && !lead.deliveryLanguages.includes(language)) {
    return `after a language mismatch, the providing offer must deliver in ${language}, the request's first language`;
  }
  const asked = positive(request.budgetUsd);
  if (rejections.fullBudget && asked > 0 && offers.reduce((s, o) => s + positive(o.budgetUsd), 0) < asked) {
    return `after a budget rejection, the offers must cover the whole budget asked`;
  }
  if (rejections.fullWindow && offers.some((o) => o.window.start > request.window.start || o.window.end < request.window.end)) {
    return `after a timing rejection, every offer must run the whole requested window`;
  }
  return null;
}
