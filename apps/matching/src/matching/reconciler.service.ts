import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { NewEvent } from '@capmatch/contracts';
import { OutboxService } from '@capmatch/platform';
import { Rejections, type MatchOffer, type MatchRequest, type RejectionReasonCode, type Suggestion } from '@capmatch/engine';
import { rankWithEntering, type LiveProposal } from './entering-offer';
import { matchingMetrics } from './matching-metrics';
import { ProjectionIndex } from './projection-index.service';
import { supersedeReason } from './supersede-reason';
import { SuggestionWriter, type NewProposal, type Superseded, type Rescored } from './suggestion-writer.service';

interface LiveRow extends LiveProposal {
  id: string;
  request_id: string;
}

/** An offer that changed, and the requests it may only enter (see entering-offer.ts). */
export interface EnteringOffer {
  offer: MatchOffer;
  requestIds: ReadonlySet<string>;
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
 * The caller holds the locks of match-locks.ts and synced the index in this transaction.
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger(Reconciler.name);

  constructor(
    private readonly index: ProjectionIndex,
    private readonly writer: SuggestionWriter,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * `overrides` gives the state of requests changed in this transaction (not yet in the index).
   * `entering` names requests an offer may only enter (it is in none of their proposals), which
   * lets them skip the full ranking when the offer cannot form bundles (entering-offer.ts).
   * `fresh` says the requests were first projected by this transaction: they have no
   * suggestions and no rejected combinations, so there is nothing to read.
   */
  async reconcile(
    manager: EntityManager,
    requestIds: readonly string[],
    overrides: ReadonlyMap<string, MatchRequest> = new Map(),
    entering?: EnteringOffer,
    fresh = false,
  ): Promise<ReconcileOutcome> {
    const ids = [...new Set(requestIds)];
    if (ids.length === 0) return { proposed: 0, superseded: 0, rescored: 0 };
    const stop = matchingMetrics().reconcileSeconds.startTimer();
    const outcome = await this.run(manager, ids, overrides, entering, fresh);
    stop();
    const { changes } = matchingMetrics();
    changes.inc({ change: 'proposed' }, outcome.proposed);
    changes.inc({ change: 'superseded' }, outcome.superseded);
    changes.inc({ change: 'rescored' }, outcome.rescored);
    return outcome;
  }

  private async run(
    manager: EntityManager,
    ids: string[],
    overrides: ReadonlyMap<string, MatchRequest>,
    entering: EnteringOffer | undefined,
    fresh: boolean,
  ): Promise<ReconcileOutcome> {
    // One round trip for both: the live proposals and the rejections (rule 8), each with the
    // rejected suggestion's offers, providing provider and reason code (rules/rejections.ts).
    const rows = fresh ? [] : ((await manager.query(
      `SELECT 'live' AS kind, id, request_id, combination_key, offer_ids, cooperation_type, score, explanation,
              NULL::uuid AS provider_id, NULL::text AS reason_code
       FROM matching.suggestions WHERE request_id = ANY($1::uuid[]) AND status = 'proposed'
       UNION ALL
       SELECT 'rejected', x.suggestion_id, x.request_id, x.combination_key, s.offer_ids, NULL, NULL, NULL, s.provider_ids[1], x.reason_code
       FROM matching.rejected_combinations x JOIN matching.suggestions s ON s.id = x.suggestion_id
       WHERE x.request_id = ANY($1::uuid[])`,
      [ids],
    )) as Array<LiveRow & { kind: 'live' | 'rejected'; provider_id: string | null; reason_code: RejectionReasonCode | null }>);
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
    for (const id of ids) {
      const request = overrides.get(id) ?? this.index.request(id);
      const keys = rejected.get(id) ?? Rejections.NONE;
      const liveRows = liveByRequest.get(id) ?? [];
      const wanted = request && request.status === 'open' ? this.rank(request, keys, liveRows, entering) : [];
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
        const reason = supersedeReason(request, row.offer_ids, (o) => this.index.offer(o), keys, this.index.topK);
        superseded.push({ id: row.id, reason });
      }
    }

    const now = new Date();
    await this.writer.supersede(manager, superseded, now);
    await this.writer.rescore(manager, rescored, now);
    const written = await this.writer.propose(manager, proposals, now);
    if (written.length > 0) {
      const events: NewEvent[] = written.map((s) => ({ type: 'suggestion.proposed', aggregateId: s.id, version: 1, payload: s }));
      await this.outbox.addAll(manager, events);
    }
    if (written.length < proposals.length) {
      this.logger.warn(`${proposals.length - written.length} proposal(s) were already live (written by another instance)`);
    }
    return { proposed: written.length, superseded: superseded.length, rescored: rescored.length };
  }

  private rank(request: MatchRequest, rejected: Rejections, live: LiveRow[], entering: EnteringOffer | undefined): Suggestion[] {
    if (entering?.requestIds.has(request.id)) {
      const fast = rankWithEntering(request, live, entering.offer, rejected, this.index.topK);
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

