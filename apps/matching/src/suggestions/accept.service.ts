import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { LegacyPartnershipSnapshot } from '@capmatch/contracts';
import { IdempotencyService, OutboxService, type AuthUser } from '@capmatch/platform';
import { lockGateExclusive, stampProjections } from '../matching/match-locks';
import { RematchService } from '../matching/rematch.service';
import { SuggestionWriter } from '../matching/suggestion-writer.service';
import { SuggestionEntity } from './suggestion.entity';

interface OfferLock {
  id: string;
  status: string;
  slots: number;
  provider_id: string;
}

/**
 * Accepting a suggestion makes a partnership, in one transaction under the exclusive match
 * gate (no request is being matched meanwhile, so nothing new is proposed with an offer this
 * accept fills). Slots are counted from this service's own allocations, never from the offers
 * service's figure, which lags: the offer rows are locked FOR UPDATE in id order, so of two
 * accepts racing for a last slot the second sees the first's allocation and gets 409.
 */
@Injectable()
export class AcceptService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: SuggestionWriter,
    private readonly outbox: OutboxService,
    private readonly rematch: RematchService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async accept(user: AuthUser, id: string): Promise<LegacyPartnershipSnapshot> {
    const { partnership, lost } = await this.dataSource.transaction(async (manager) => {
      await lockGateExclusive(manager);
      const suggestion = await manager.findOne(SuggestionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!suggestion) throw new NotFoundException('Suggestion not found');
      if (suggestion.status !== 'proposed') throw new ConflictException(`The suggestion is ${suggestion.status}, not proposed`);
      const offers = await this.lockOffers(manager, suggestion.offerIds);
      await this.checkRequestOpen(manager, suggestion.requestId);
      const free = await this.freeSlots(manager, offers);
      const now = new Date();
      const snapshot = await this.record(manager, user, suggestion, offers, now);
      const exhausted = offers.filter((o) => (free.get(o.id) ?? 0) <= 1).map((o) => o.id);
      const lost = await this.supersedeOthers(manager, suggestion, exhausted, snapshot.id, now);
      await this.rematch.enqueue(manager, lost);
      await this.outbox.add(manager, { type: 'partnership.created', aggregateId: snapshot.id, version: 1, payload: snapshot });
      await stampProjections(manager, { requests: [suggestion.requestId], offers: suggestion.offerIds });
      await this.idempotency.recordIn(manager, snapshot);
      return { partnership: snapshot, lost };
    });
    // After the commit: refill the requests that lost a proposal; a failure here is retried
    // by the re-match poll, the partnership itself is already safe.
    await this.rematch.rematch(lost).catch(() => undefined);
    return partnership;
  }

  private async lockOffers(manager: EntityManager, offerIds: string[]): Promise<OfferLock[]> {
    const rows = (await manager.query(
      `SELECT id, status, slots, provider_id FROM matching.offer_projections WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [offerIds],
    )) as OfferLock[];
    if (rows.length !== offerIds.length) throw new ConflictException('An offer of this suggestion is no longer known');
    const closed = rows.find((o) => o.status !== 'open');
    if (closed) throw new ConflictException(`Offer ${closed.id} is ${closed.status}`);
    return rows;
  }

  private async checkRequestOpen(manager: EntityManager, requestId: string): Promise<void> {
    const [row] = (await manager.query(
      `SELECT status FROM matching.request_projections WHERE id = $1 FOR UPDATE`,
      [requestId],
    )) as Array<{ status: string }>;
    if (!row) throw new ConflictException('The request is no longer known');
    if (row.status !== 'open') throw new ConflictException(`The request is ${row.status}, not open`);
  }

  /** Free slots per offer: its slots minus the partnerships of this service that hold it. */
  private async freeSlots(manager: EntityManager, offers: OfferLock[]): Promise<Map<string, number>> {
    const used = (await manager.query(
      `SELECT offer_id, count(*)::int AS used FROM matching.allocations WHERE offer_id = ANY($1::uuid[]) GROUP BY offer_id`,
      [offers.map((o) => o.id)],
    )) as Array<{ offer_id: string; used: number }>;
    const usedOf = new Map(used.map((u) => [u.offer_id, u.used]));
    const free = new Map(offers.map((o) => [o.id, o.slots - (usedOf.get(o.id) ?? 0)]));
    const full = offers.find((o) => (free.get(o.id) ?? 0) <= 0);
    if (full) throw new ConflictException(`Offer ${full.id} has no slot left`);
    return free;
  }

  private async record(
    manager: EntityManager,
    user: AuthUser,
    s: SuggestionEntity,
    offers: OfferLock[],
    now: Date,
  ): Promise<LegacyPartnershipSnapshot> {
    const id = randomUUID();
    const providerIds = s.offerIds.map((o) => offers.find((x) => x.id === o)?.provider_id as string);
    await manager.query(
      `INSERT INTO matching.partnerships (id, suggestion_id, request_id, offer_ids, provider_ids, country, cooperation_type, created_by, created_at)
       VALUES ($1, $2, $3, $4::uuid[], $5::uuid[], $6, $7, $8, $9)`,
      [id, s.id, s.requestId, s.offerIds, providerIds, s.country, s.cooperationType, user.sub, now],
    );
    await manager.query(
      `INSERT INTO matching.allocations (offer_id, partnership_id) SELECT unnest($1::uuid[]), $2`,
      [s.offerIds, id],
    );
    await manager.query(
      `UPDATE matching.offer_projections o SET used_slots = (SELECT count(*) FROM matching.allocations a WHERE a.offer_id = o.id)
       WHERE o.id = ANY($1::uuid[])`,
      [s.offerIds],
    );
    await manager.query(
      `UPDATE matching.suggestions SET status = 'accepted', decided_at = $2, decided_by = $3, updated_at = $2 WHERE id = $1`,
      [s.id, now, user.sub],
    );
    await manager.query(
      `INSERT INTO matching.suggestion_history (suggestion_id, action, actor_sub, actor_role, reason, at)
       VALUES ($1, 'accepted', $2, $3, $4, $5)`,
      [s.id, user.sub, user.role, `partnership ${id} created`, now],
    );
    await manager.query(
      `UPDATE matching.request_projections SET status = 'matched', matched_here = true WHERE id = $1`,
      [s.requestId],
    );
    return {
      id, suggestionId: s.id, requestId: s.requestId, offerIds: s.offerIds, country: s.country,
      cooperationType: s.cooperationType, createdAt: now.toISOString(),
    };
  }

  /** Supersedes the request's other proposals and every proposal of a filled offer; returns the requests that lost one. */
  private async supersedeOthers(
    manager: EntityManager,
    s: SuggestionEntity,
    exhausted: string[],
    partnershipId: string,
    now: Date,
  ): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT id, request_id, offer_ids FROM matching.suggestions
       WHERE status = 'proposed' AND id <> $1 AND (request_id = $2 OR offer_ids && $3::uuid[])`,
      [s.id, s.requestId, exhausted],
    )) as Array<{ id: string; request_id: string; offer_ids: string[] }>;
    const reasonOf = (row: { request_id: string; offer_ids: string[] }): string =>
      row.request_id === s.requestId
        ? `the request was matched by partnership ${partnershipId}`
        : `offer ${row.offer_ids.filter((o) => exhausted.includes(o)).join(', ')} has no slot left after partnership ${partnershipId}`;
    await this.writer.supersede(manager, rows.map((r) => ({ id: r.id, reason: reasonOf(r) })), now);
    return [...new Set(rows.map((r) => r.request_id).filter((r) => r !== s.requestId))];
  }
}
