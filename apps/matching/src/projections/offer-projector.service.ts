import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OfferSnapshot } from '@capmatch/contracts';
import { lockGateExclusive } from '../matching/match-locks';
import { ProjectionIndex } from '../matching/projection-index.service';
import { Reconciler } from '../matching/reconciler.service';
import { upsertOffer } from './projection-store';
import { toMatchOffer } from './to-match';

/**
 * Applies an offer event: projects it and re-matches every request the offer could enter or
 * leave: those whose live proposals hold it, plus those the engine says it could now reach
 * (their K-th score read from the database, so every instance prunes alike). The exclusive
 * gate means no request is being matched meanwhile, so none is missed in either direction.
 */
@Injectable()
export class OfferProjector {
  constructor(
    private readonly index: ProjectionIndex,
    private readonly reconciler: Reconciler,
  ) {}

  async apply(manager: EntityManager, snapshot: OfferSnapshot): Promise<void> {
    await lockGateExclusive(manager);
    const row = await upsertOffer(manager, snapshot);
    if (row === null) return;
    await this.index.sync(manager);
    const offer = toMatchOffer(snapshot, row.status, row.free);
    this.index.applyTentativeOffer(offer);
    this.index.markWritten(manager, offer.id);
    const holding = row.inserted
      ? []
      : ((await manager.query(
          `SELECT DISTINCT request_id FROM matching.suggestions WHERE status = 'proposed' AND offer_ids @> ARRAY[$1]::uuid[]`,
          [snapshot.id],
        )) as Array<{ request_id: string }>);
    const holders = holding.map((r) => r.request_id);
    const reachable = await this.reachable(manager, offer);
    const held = new Set(holders);
    const onlyEntering = new Set(reachable.filter((id) => !held.has(id)));
    await this.reconciler.reconcile(manager, [...holders, ...reachable], new Map(), { offer, requestIds: onlyEntering });
  }

  /**
   * Two passes: rules alone, then the K-th score of only the requests that passed them. The
   * K-th score bars a new offer only where the top K holds K distinct provider offers; where it
   * shows variants of fewer, any new provider offer enters (the engine's diversity order).
   */
  private async reachable(manager: EntityManager, offer: ReturnType<typeof toMatchOffer>): Promise<string[]> {
    const open = [...this.index.openRequests()];
    const first = new Set(this.index.engine.requestsAffectedBy(offer, open));
    if (first.size === 0) return [];
    const rows = (await manager.query(
      `SELECT request_id, min(score) AS kth FROM matching.suggestions
       WHERE status = 'proposed' AND request_id = ANY($1::uuid[])
       GROUP BY request_id HAVING count(DISTINCT offer_ids[1]) >= $2`,
      [[...first], this.index.topK],
    )) as Array<{ request_id: string; kth: number }>;
    if (rows.length === 0) return [...first];
    const kth = new Map(rows.map((r) => [r.request_id, Number(r.kth)]));
    return this.index.engine.requestsAffectedBy(offer, open.filter((r) => first.has(r.id)), kth);
  }
}
