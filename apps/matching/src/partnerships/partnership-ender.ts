import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '@capmatch/platform';
import { lockRequest } from '../matcher/match-locks';
import { ProjectionIndex } from '../matcher/projection-index.service';
import { Reconciler } from '../matcher/reconciler.service';
import { PartnershipStore } from '../store/partnership-store';
import type { PartnershipEntity } from '../store/partnership.entity';
import { SuggestionStore } from '../store/suggestion-store';
import { SYSTEM_ACTOR, type Actor } from '../store/system-actor';
import { toPartnershipSnapshot } from './partnership.mapper';

export interface Ending {
  status: 'declined' | 'cancelled' | 'expired';
  reason: string;
  /** More words for the history entry (the refusing owner's reason). */
  detail?: string;
  actor: Actor;
  /** A decline: the combination never comes back for the request (as a rejection). */
  rejectCombination?: boolean;
}

/**
 * Ends a partnership: `partnership.ended` tells the offers service to release every slot it
 * reserved (idempotently, by its own records) and the requests service to release its hold;
 * here the request is matched again in the same transaction (the offers come back when their
 * release arrives as `offer.updated`). The caller holds the match gate (either mode).
 */
@Injectable()
export class PartnershipEnder {
  private readonly logger = new Logger(PartnershipEnder.name);

  constructor(
    private readonly partnerships: PartnershipStore,
    private readonly suggestions: SuggestionStore,
    private readonly index: ProjectionIndex,
    private readonly reconciler: Reconciler,
    private readonly outbox: OutboxService,
  ) {}

  /** Ends `p` (locked by the caller, pending or agreed). */
  async end(manager: EntityManager, p: PartnershipEntity, ending: Ending): Promise<void> {
    const now = new Date();
    Object.assign(p, { status: ending.status, reason: ending.reason, endedAt: now, updatedAt: now, version: p.version + 1 });
    await this.partnerships.save(manager, p);
    const event = await this.outbox.add(manager, {
      type: 'partnership.ended',
      aggregateId: p.id,
      version: p.version,
      payload: toPartnershipSnapshot(p),
    });
    const reason = ending.detail ? `${ending.reason}: ${ending.detail}` : ending.reason;
    await this.partnerships.record(manager, p.id, { action: ending.status, actor: ending.actor, reason, eventId: event.id, at: now });
    if (ending.rejectCombination) {
      const key = await this.suggestions.combinationOf(manager, p.suggestionId);
      if (key) await this.suggestions.rememberRejected(manager, p.requestId, key, p.suggestionId, now);
    }
    await lockRequest(manager, p.requestId);
    await this.index.sync(manager);
    await this.reconciler.reconcile(manager, [p.requestId]);
    this.logger.log({ partnershipId: p.id, status: p.status, reason: p.reason }, 'partnership ended');
  }

  /** endAll for several withdrawn offers, with one look-up for all of them. */
  async endAllOnOffers(manager: EntityManager, offerIds: readonly string[]): Promise<void> {
    for (const id of await this.partnerships.liveOnOffers(manager, offerIds)) {
      const p = await this.partnerships.lock(manager, id);
      if (p && (p.status === 'pending' || p.status === 'agreed')) {
        await this.end(manager, p, { status: 'cancelled', reason: 'offer-withdrawn', actor: SYSTEM_ACTOR });
      }
    }
  }

  /** Ends every live partnership on a withdrawn request or offer: none may stand on it. */
  async endAll(manager: EntityManager, on: { requestId?: string; offerId?: string }, reason: 'request-withdrawn' | 'offer-withdrawn'): Promise<void> {
    for (const id of await this.partnerships.liveOn(manager, on)) {
      const p = await this.partnerships.lock(manager, id);
      if (p && (p.status === 'pending' || p.status === 'agreed')) {
        await this.end(manager, p, { status: 'cancelled', reason, actor: SYSTEM_ACTOR });
      }
    }
  }
}
