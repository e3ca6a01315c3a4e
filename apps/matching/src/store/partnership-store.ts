import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from './system-actor';
import { PartnershipEntity } from './partnership.entity';
import { PartnershipHistoryEntity, type PartnershipAction } from './partnership-history.entity';
import { tableNamer } from './schema';

export interface PartnershipStep {
  action: PartnershipAction;
  actor: Actor;
  reason?: string | null;
  /** The event this step emitted, if any. */
  eventId?: string | null;
  at: Date;
}

/** Partnerships and their audit trail: the only code that writes these tables. */
@Injectable()
export class PartnershipStore {
  private readonly partnerships: string;
  private readonly history: string;

  constructor(dataSource: DataSource) {
    const t = tableNamer(dataSource);
    this.partnerships = t('partnerships');
    this.history = t('partnership_history');
  }

  async insert(manager: EntityManager, partnership: PartnershipEntity): Promise<void> {
    await manager.insert(PartnershipEntity, partnership);
  }

  async save(manager: EntityManager, partnership: PartnershipEntity): Promise<void> {
    await manager.save(PartnershipEntity, partnership);
  }

  /** The partnership, row-locked for the caller's transaction. */
  lock(manager: EntityManager, id: string): Promise<PartnershipEntity | null> {
    return manager.findOne(PartnershipEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async record(manager: EntityManager, partnershipId: string, step: PartnershipStep): Promise<void> {
    await manager.insert(PartnershipHistoryEntity, {
      partnershipId,
      action: step.action,
      actorSub: step.actor.sub,
      actorRole: step.actor.role,
      reason: step.reason ?? null,
      eventId: step.eventId ?? null,
      at: step.at,
    });
  }

  /** True when the request has a pending or agreed partnership. */
  async isEngaged(manager: EntityManager, requestId: string): Promise<boolean> {
    return (await this.engagedAmong(manager, [requestId])).size > 0;
  }

  /** Those of these requests that have a pending or agreed partnership: matching proposes nothing for them. */
  async engagedAmong(manager: EntityManager, requestIds: readonly string[]): Promise<Set<string>> {
    if (requestIds.length === 0) return new Set();
    const rows = (await manager.query(
      `SELECT request_id FROM ${this.partnerships} WHERE request_id = ANY($1::uuid[]) AND status IN ('pending', 'agreed')`,
      [requestIds],
    )) as Array<{ request_id: string }>;
    return new Set(rows.map((r) => r.request_id));
  }

  /** The ids of the live (pending or agreed) partnerships on a request or an offer, in id order. */
  async liveOn(manager: EntityManager, on: { requestId?: string; offerId?: string }): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT id FROM ${this.partnerships} WHERE status IN ('pending', 'agreed')
       AND ($1::uuid IS NULL OR request_id = $1) AND ($2::uuid IS NULL OR offer_ids @> ARRAY[$2::uuid])
       ORDER BY id`,
      [on.requestId ?? null, on.offerId ?? null],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** The ids of the live partnerships holding any of these offers, in id order (liveOn for many offers). */
  async liveOnOffers(manager: EntityManager, offerIds: readonly string[]): Promise<string[]> {
    if (offerIds.length === 0) return [];
    const rows = (await manager.query(
      `SELECT id FROM ${this.partnerships} WHERE status IN ('pending', 'agreed') AND offer_ids && $1::uuid[] ORDER BY id`,
      [offerIds],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Those of these event ids that one of this service's partnership steps emitted (emittedHere for many). */
  async emittedAmong(manager: EntityManager, eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows = (await manager.query(`SELECT DISTINCT event_id FROM ${this.history} WHERE event_id = ANY($1::uuid[])`, [eventIds])) as Array<{
      event_id: string;
    }>;
    return new Set(rows.map((r) => r.event_id));
  }

  /** True when the event was emitted by one of this service's partnership steps. */
  async emittedHere(manager: EntityManager, eventId: string | undefined): Promise<boolean> {
    if (!eventId) return false;
    const rows = (await manager.query(`SELECT 1 FROM ${this.history} WHERE event_id = $1 LIMIT 1`, [eventId])) as unknown[];
    return rows.length > 0;
  }
}
