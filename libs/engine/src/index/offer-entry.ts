import { ORIGIN_SOUTH } from './offer-columns';
import type { OfferIndex } from './offer-index';
import { passesAlone } from './offer-reach';
import { reaches } from '../ranking/top-k';
import { AREA, BUDGET, EQUITY, FACTOR_COUNT, FOCUS, GROUP, LANGUAGE, MODALITY, SDG, WINDOW } from '../scoring/factors';
import { bundleFactors, combine, modalityFit, round3, singleFactors, targetGroupFit, windowFit } from '../scoring/fits';
import { prepareRequest, type PreparedOffer, type PreparedRequest } from '../scoring/prepared';
import { weightsFor } from '../scoring/weights';
import type { MatchOffer, MatchRequest } from '../types';

// Whether a changed offer can enter one request's top K, decided per combination it can be
// part of, against the request's K-th score (issue 16). A bound on what the offer could score
// with the best partner imaginable is about 1 for a facilitator, and it reached nearly every
// request, each then ranked in full. Here:
//   a single                 its exact score;
//   the offer as provider    (south) its exact score with each facilitator the request may
//                            use, once a bound from what any facilitator brings reaches the bar;
//   the offer as facilitator its exact score with each southern provider offer of the request
//                            that could head a bundle reaching the bar (`SouthList`).
// A request's southern providers are listed once per bar and kept up to date from a log of the
// southern offers upserted since (their current version is read from the index): a list built
// for bar b holds every one whose bound reaches b, so it serves any bar ≥ b. Rules that concern
// pairs (7–9) and rejections are left out: they only remove combinations, so what is kept is a
// superset of what can enter, never less.

/** Southern provider ids changed since a list was built, before it is rebuilt instead. */
const LOG_LIMIT = 4096;
const scratch = new Float64Array(FACTOR_COUNT);

interface Prepared {
  day: number;
  r: PreparedRequest;
  w: Float64Array;
}

/** The southern provider offers of one request whose bundle bound reaches `threshold`. */
interface SouthList {
  /** Generation of the log it has seen up to. */
  gen: number;
  threshold: number;
  /** The facilitator summary's stamp it was bounded with. */
  stamp: number;
  bounds: Map<string, number>;
}

/** What the facilitators indexed so far bring at most; it only grows, so a bound from it stays a bound. */
class FacilitatorSummary {
  modalities = 0;
  targetGroups = 0;
  /** Largest stated budget, 0 when none states one. */
  budget = 0;
  any = false;
  stamp = 0;

  add(o: PreparedOffer): void {
    const budget = Number.isNaN(o.budget) ? this.budget : Math.max(this.budget, o.budget);
    if (this.any && (this.modalities | o.modalities) === this.modalities && (this.targetGroups | o.targetGroups) === this.targetGroups && budget === this.budget) return;
    this.modalities |= o.modalities;
    this.targetGroups |= o.targetGroups;
    this.budget = budget;
    this.any = true;
    this.stamp++;
  }

  /** Largest budget share a facilitator could bring to the request (0 when it asks none). */
  share(r: PreparedRequest): number {
    return Number.isNaN(r.budget) ? 0 : Math.min(1, this.budget / r.budget);
  }
}

const today = (): number => Math.floor(Date.now() / 86_400_000);
const budgetShare = (r: PreparedRequest, o: PreparedOffer): number => (Number.isNaN(r.budget) || Number.isNaN(o.budget) ? 0 : o.budget / r.budget);
const budgetBound = (a: number, b: number): number => Math.max(0.5, Math.min(1, a + b));

export class OfferEntry {
  private readonly prepared = new WeakMap<MatchRequest, Prepared>();
  private readonly lists = new WeakMap<MatchRequest, SouthList>();
  private readonly facilitators = new FacilitatorSummary();
  /** Ids of southern provider offers upserted or removed, generation `logStart + i + 1` for log[i]. */
  private log: string[] = [];
  private logStart = 0;

  constructor(
    private readonly index: OfferIndex,
    private readonly weights: Float64Array,
  ) {}

  /** Called for every offer the index takes or drops. */
  noted(offer: MatchOffer, p: PreparedOffer | undefined): void {
    if (p !== undefined && offer.role === 'facilitator') this.facilitators.add(p);
    if (offer.role !== 'provider' || offer.origin !== 'south') return;
    this.log.push(offer.id);
    if (this.log.length > 2 * LOG_LIMIT) {
      this.logStart += this.log.length - LOG_LIMIT;
      this.log = this.log.slice(-LOG_LIMIT);
    }
  }

  /**
   * Whether `o` (indexable, in the index) may be part of a combination that reaches `bar`, the
   * K-th score of a top K of K distinct provider offers; without a bar, of any combination.
   */
  mayEnter(request: MatchRequest, o: PreparedOffer, bar: number | undefined): boolean {
    const { r, w } = this.prepare(request);
    if (!passesAlone(r, o)) return false;
    const { role, origin } = o.offer;
    if (role === 'facilitator') {
      if (!r.acceptsTriangular) return false;
      return bar === undefined || this.partnersOf(request, o, bar, true).length > 0;
    }
    if ((r.areas & o.areas) === 0) return false;
    const accepted = origin === 'south' ? r.acceptsSouthSouth : origin === 'north' ? r.acceptsNorthSouth : r.acceptsMultilateral;
    const bundles = origin === 'south' && r.acceptsTriangular;
    if (bar === undefined) return accepted || bundles;
    if (accepted && round3(combine(w, singleFactors(r, o, scratch))) >= bar) return true;
    return bundles && this.partnersOf(request, o, bar, true).length > 0;
  }

  /**
   * The offers that form with `o` a bundle whose exact score (pair rules aside) reaches `bar`:
   * facilitators for a southern provider offer, southern provider offers for a facilitator.
   * `first`: stop at the first one.
   */
  partnersOf(request: MatchRequest, o: PreparedOffer, bar: number, first = false): PreparedOffer[] {
    const { r, w } = this.prepare(request);
    const out: PreparedOffer[] = [];
    if (!r.acceptsTriangular || !passesAlone(r, o)) return out;
    if (o.offer.role === 'facilitator') {
      for (const [id, bound] of this.southList(request, bar).bounds) {
        if (!reaches(bound, bar)) continue;
        const p = this.index.get(id);
        if (p === undefined || !reaches(combine(w, bundleFactors(r, p, o, scratch)), bar)) continue;
        out.push(p);
        if (first) return out;
      }
      return out;
    }
    if (o.offer.origin !== 'south' || (r.areas & o.areas) === 0) return out;
    if (!this.facilitators.any || !reaches(this.southBound(r, w, o), bar)) return out;
    for (const f of this.index.facilitators(r).offers) {
      if (!reaches(combine(w, bundleFactors(r, o, f, scratch)), bar)) continue;
      out.push(f);
      if (first) return out;
    }
    return out;
  }

  /** Bound on any bundle southern provider offer `o` heads for the request, from the facilitator summary. */
  private southBound(r: PreparedRequest, w: Float64Array, o: PreparedOffer): number {
    const f = singleFactors(r, o, scratch);
    const core = w[AREA] * f[AREA] + w[SDG] * f[SDG] + w[LANGUAGE] * f[LANGUAGE] + w[EQUITY] * f[EQUITY];
    const s = this.facilitators;
    return core + w[MODALITY] * modalityFit(r, o.modalities | s.modalities) + w[GROUP] * targetGroupFit(r, o.targetGroups | s.targetGroups) +
      w[BUDGET] * budgetBound(budgetShare(r, o), s.share(r)) + w[WINDOW] * windowFit(r, o.start, o.end) + w[FOCUS];
  }

  private southList(request: MatchRequest, bar: number): SouthList {
    const { r, w } = this.prepare(request);
    const gen = this.logStart + this.log.length;
    let list = this.lists.get(request);
    if (list && list.threshold <= bar && list.stamp === this.facilitators.stamp && list.gen >= this.logStart) {
      for (let i = list.gen - this.logStart; i < this.log.length; i++) this.relist(list, r, w, this.log[i]);
      list.gen = gen;
      return list;
    }
    list = { gen, threshold: bar, stamp: this.facilitators.stamp, bounds: new Map() };
    const { live, origin, seen, prepared } = this.index.columns;
    const stamp = this.index.nextStamp();
    for (let a = 0; a < 31; a++) {
      if ((r.areas & (1 << a)) === 0) continue;
      for (const lang of r.languages) {
        for (const token of r.tokens) {
          for (const s of this.index.providerSlots(a, lang, token) ?? []) {
            if (seen[s] === stamp) continue;
            seen[s] = stamp;
            if (live[s] === 1 && origin[s] === ORIGIN_SOUTH && passesAlone(r, prepared[s])) this.keep(list, r, w, prepared[s]);
          }
        }
      }
    }
    this.lists.set(request, list);
    return list;
  }

  private relist(list: SouthList, r: PreparedRequest, w: Float64Array, id: string): void {
    list.bounds.delete(id);
    const p = this.index.get(id);
    if (p !== undefined && p.offer.role === 'provider' && p.offer.origin === 'south' && passesAlone(r, p) && (r.areas & p.areas) !== 0) this.keep(list, r, w, p);
  }

  private keep(list: SouthList, r: PreparedRequest, w: Float64Array, p: PreparedOffer): void {
    const bound = this.southBound(r, w, p);
    if (reaches(bound, list.threshold)) list.bounds.set(p.offer.id, bound);
  }

  /** The request compiled once per day (its LDC status, hence its equity and tokens, follow the date). */
  private prepare(request: MatchRequest): Prepared {
    const day = today();
    let p = this.prepared.get(request);
    if (p === undefined || p.day !== day) {
      const r = prepareRequest(request);
      this.prepared.set(request, (p = { day, r, w: weightsFor(this.weights, r) }));
      this.lists.delete(request);
    }
    return p;
  }
}
