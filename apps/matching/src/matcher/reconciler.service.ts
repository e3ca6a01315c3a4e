import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from 'typeorm';
import type { NewEvent } from '@capmatch/contracts';
import { OneStatement, OutboxService } from '@capmatch/platform';
import { Rejections, type MatchOffer, type MatchRequest, type Suggestion } from '@capmatch/engine';
import { PartnershipStore } from '../store/partnership-store';
import { ProjectionStore } from '../store/projection-store';
import { proposalSnapshot, SuggestionStore, type LiveOrRejectedRow, type NewProposal, type Rescored, type Superseded } from '../store/suggestion-store';
import { rankWithEntering } from './entering-offer';
import { MatchFence, type Ranked } from './match-fence';
import { matchingMetrics } from './matching-metrics';
import { ProjectionIndex } from './projection-index.service';
import { supersedeReason } from './supersede-reason';

type LiveRow = LiveOrRejectedRow;

/** Longest stretch of ranking before the event loop gets a turn. */
const SLICE_MS = 20;

export interface ReconcileOptions {
  /** The state of requests changed in this transaction (not yet in the index). */
  overrides?: ReadonlyMap<string, MatchRequest>;
  /**
   * Per request, changed offers it may only enter (it holds none of the changed offers), which
   * lets it skip the full ranking: its live proposals plus the offers' combinations that can
   * reach its K-th score (entering-offer.ts).
   */
  entering?: ReadonlyMap<string, readonly MatchOffer[]>;
  /** Offer versions this transaction wrote and has not committed: ranked with, never left in the index. */
  overlay?: readonly MatchOffer[];
  /**
   * Number the requests' rows again at commit (default, except for requests in `overrides`, whose
   * rows the caller wrote): concurrent offer changes look for re-ranked requests there (match-fence.ts).
   */
  restamp?: boolean;
  /** Ranked by the match fence itself: final, nothing to check. */
  final?: boolean;
  /** The requests (all, or those in the set) were first projected by this transaction: no suggestions, nothing rejected, nothing to read. */
  fresh?: boolean | ReadonlySet<string>;
}

export interface ReconcileOutcome {
  proposed: number;
  superseded: number;
  rescored: number;
}

/**
 * Brings the proposed suggestions of some requests in line with what the engine now ranks as
 * their top K: new combinations are proposed (with a `suggestion.proposed` event), ones that
 * fell out are superseded with the reason, and ones still in keep their id and status.
 *
 * A kept suggestion whose score or explanation moved (say the offer's budget changed) is
 * updated in place without an event: it is still the same proposal of the same combination,
 * and a new id would break links reviewers already hold.
 *
 * A request with a pending or agreed partnership gets no proposals: it is taken.
 *
 * The caller holds the locks of match-locks.ts and synced the index in this transaction. What
 * was ranked goes to the match fence, which checks it against offer changes committed
 * meanwhile before this transaction commits (match-fence.ts).
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger(Reconciler.name);

  constructor(
    private readonly index: ProjectionIndex,
    private readonly suggestions: SuggestionStore,
    private readonly partnerships: PartnershipStore,
    private readonly outbox: OutboxService,
    private readonly projections: ProjectionStore,
  ) {
    this.fence = new MatchFence(index, suggestions, projections, (m, ids, overlay, overrides) =>
      this.reconcile(m, ids, { overlay, overrides, final: true, restamp: false }),
    );
  }

  /** The fence every ranking transaction passes before commit; offer batches defer their ranking to it. */
  readonly fence: MatchFence;

  async reconcile(manager: EntityManager, requestIds: readonly string[], options: ReconcileOptions = {}): Promise<ReconcileOutcome> {
    const ids = [...new Set(requestIds)];
    if (ids.length === 0) return { proposed: 0, superseded: 0, rescored: 0 };
    const stop = matchingMetrics().reconcileSeconds.startTimer();
    const outcome = await this.run(manager, ids, options);
    stop();
    const { changes } = matchingMetrics();
    changes.inc({ change: 'proposed' }, outcome.proposed);
    changes.inc({ change: 'superseded' }, outcome.superseded);
    changes.inc({ change: 'rescored' }, outcome.rescored);
    return outcome;
  }

  private async run(manager: EntityManager, ids: string[], options: ReconcileOptions): Promise<ReconcileOutcome> {
    const { entering, fresh = false } = options;
    const stale = fresh === true ? [] : fresh === false ? ids : ids.filter((id) => !fresh.has(id));
    const overrides = new Map([...this.fence.rankedRequests(manager), ...(options.overrides ?? [])]);
    const overlay = options.overlay ?? this.fence.offersOf(manager);
    const rows = stale.length === 0 ? [] : await this.suggestions.liveAndRejected(manager, stale);
    const engaged = stale.length === 0 ? new Set<string>() : await this.partnerships.engagedAmong(manager, stale);
    const live = rows.filter((r) => r.kind === 'live');
    const rejected = new Map<string, Rejections>();
    for (const r of rows) {
      if (r.kind !== 'rejected') continue;
      const record = { key: r.combination_key, offerIds: r.offer_ids, providerId: r.provider_id, reasonCode: r.reason_code };
      rejected.set(r.request_id, (rejected.get(r.request_id) ?? new Rejections()).add(record));
    }
    const liveByRequest = groupBy(live, (row) => row.request_id);
    const proposals: NewProposal[] = [];
    const superseded: Superseded[] = [];
    const rescored: Rescored[] = [];
    const ranked = new Map<string, Ranked>();
    const since = this.index.seen;
    const rankOne = (id: string): void => {
      const request = overrides.get(id) ?? this.index.request(id);
      const keys = rejected.get(id) ?? Rejections.NONE;
      const liveRows = liveByRequest.get(id) ?? [];
      const open = request !== undefined && request.status === 'open' && !engaged.has(id);
      const wanted = open ? this.rank(request, keys, liveRows, entering?.get(id)) : [];
      ranked.set(id, { request, wanted });
      const current = new Map(liveRows.map((row) => [row.combination_key, row]));
      for (const suggestion of wanted) {
        const row = current.get(suggestion.key);
        if (!row) proposals.push(this.proposal(suggestion, request as MatchRequest));
        else if (row.score !== suggestion.score || JSON.stringify(row.explanation) !== JSON.stringify(suggestion.explanation)) {
          rescored.push({ id: row.id, score: suggestion.score, explanation: suggestion.explanation });
        }
        current.delete(suggestion.key);
      }
      for (const row of current.values()) {
        const reason = engaged.has(id)
          ? 'the request has a pending or agreed partnership'
          : supersedeReason(request, row.offer_ids, (o) => this.index.offer(o), keys, this.index.topK);
        superseded.push({ id: row.id, reason });
      }
    };
    // In slices of about SLICE_MS, each synchronous (the overlay's offers are visible to nothing
    // else), yielding between them: a step of many requests does not hold this instance's event
    // loop, and request events go on beside it. Offers committed between slices are the match
    // fence's to catch, as for any ranking that runs beside others (`since`).
    for (let next = 0; next < ids.length; ) {
      if (next > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const until = performance.now() + SLICE_MS;
      this.index.withOffers(overlay, () => {
        do rankOne(ids[next++]);
        while (next < ids.length && performance.now() < until);
      });
    }
    const now = new Date();
    // One round trip for every write of the ranking: superseded, rescored and new proposals, the
    // new ones' `suggestion.proposed` events (only of those written) and the restamp.
    const st = new OneStatement();
    this.suggestions.changesIn(st, { superseded, rescored, proposals }, now);
    const events: NewEvent[] = proposals.map((p) => ({ type: 'suggestion.proposed', aggregateId: p.id, version: 1, payload: proposalSnapshot(p, now) }));
    this.outbox.addInFor(st, events, { cte: 'proposed_rows', column: 'id' });
    const restamp = options.restamp ?? true ? ids.filter((id) => !options.overrides?.has(id)) : [];
    this.projections.restampIn(st, restamp);
    let written = 0;
    if (superseded.length + rescored.length + proposals.length + restamp.length > 0) {
      const rows = (await manager.query(st.text, st.values)) as Array<{ proposed_ids: string[] }>;
      written = rows[0].proposed_ids.length;
    }
    if (written < proposals.length) {
      this.logger.warn(`${proposals.length - written} proposal(s) were already live (written by another instance)`);
    }
    if (!options.final) await this.fence.note(manager, since, ranked);
    return { proposed: written, superseded: superseded.length, rescored: rescored.length };
  }

  private rank(request: MatchRequest, rejected: Rejections, live: LiveRow[], entering: readonly MatchOffer[] | undefined): Suggestion[] {
    if (entering && entering.length > 0) {
      const fast = rankWithEntering(request, live, entering, rejected, this.index.topK, this.index.engine);
      if (fast) return fast;
    }
    return this.index.engine.matchRequest(request, rejected);
  }

  private proposal(s: Suggestion, request: MatchRequest): NewProposal {
    const providerIds = s.offerIds.map((id) => this.index.offer(id)?.providerId ?? '');
    return {
      id: randomUUID(),
      requestId: s.requestId,
      offerIds: [...s.offerIds],
      providerIds,
      key: s.key,
      country: request.country,
      cooperationType: s.cooperationType,
      score: s.score,
      explanation: s.explanation.map((e) => ({ ...e })),
    };
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

