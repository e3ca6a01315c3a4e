import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { type FieldChange, type HistoryAction, OfferHistoryEntity } from './offer-history.entity';

export interface Actor {
  sub: string;
  role: string;
}

/** Changes made on another service's event are recorded under this actor. */
export const MATCHING_ACTOR: Actor = { sub: 'matching', role: 'system' };

export interface HistoryParams {
  offerId: string;
  version: number;
  action: HistoryAction;
  actor: Actor;
  changes: FieldChange[];
  at: Date;
  reason?: string | null;
  partnershipId?: string | null;
  eventId?: string | null;
}

export function historyEntry(params: HistoryParams): OfferHistoryEntity {
  return {
    id: randomUUID(),
    offerId: params.offerId,
    version: params.version,
    action: params.action,
    actorSub: params.actor.sub,
    actorRole: params.actor.role,
    changes: params.changes,
    reason: params.reason ?? null,
    partnershipId: params.partnershipId ?? null,
    eventId: params.eventId ?? null,
    occurredAt: params.at,
  };
}

/** Appends one entry to the offer's audit trail inside the caller's transaction. */
export async function recordHistory(manager: EntityManager, params: HistoryParams): Promise<void> {
  // The jsonb `changes` hold arbitrary JSON values, which TypeORM's deep-partial type cannot express.
  await manager.insert(OfferHistoryEntity, historyEntry(params) as QueryDeepPartialEntity<OfferHistoryEntity>);
}
