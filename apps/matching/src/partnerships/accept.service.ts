import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OutboxService, type AuthUser } from '@capmatch/platform';
import { matchingConfig } from '../matching.config';
import { lockGateShared, lockRequest } from '../matcher/match-locks';
import { PartnershipStore } from '../store/partnership-store';
import { PartnershipEntity } from '../store/partnership.entity';
import { ProjectionStore } from '../store/projection-store';
import { SuggestionEntity } from '../store/suggestion.entity';
import { SuggestionStore } from '../store/suggestion-store';
import { PartnershipExpiry } from './partnership-expiry.service';
import { toPartnershipSnapshot, toPartnershipView, type PartnershipView } from './partnership.mapper';

/**
 * Accepting a suggestion proposes a partnership (`pending`), in one transaction under the
 * shared match gate and the request's lock: the suggestion becomes accepted, the request's
 * other proposals superseded, `partnership.proposed` goes out and the expiry job is scheduled.
 * Nothing is reserved here: the offers service owns the slots and answers the proposal with a
 * reservation or a refusal. The 409s use matching's view (its projections): an offer with no
 * slot left by the offers service's last word, a request not open or already engaged.
 */
@Injectable()
export class AcceptService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly suggestions: SuggestionStore,
    private readonly projections: ProjectionStore,
    private readonly partnerships: PartnershipStore,
    private readonly expiry: PartnershipExpiry,
    private readonly outbox: OutboxService,
    @Inject(matchingConfig.KEY) private readonly cfg: ConfigType<typeof matchingConfig>,
  ) {}

  async accept(user: AuthUser, id: string): Promise<PartnershipView> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(SuggestionEntity, { id });
      if (!found) throw new NotFoundException('Suggestion not found');
      await lockGateShared(manager);
      await lockRequest(manager, found.requestId);
      const s = await manager.findOne(SuggestionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!s || s.status !== 'proposed') throw new ConflictException(`The suggestion is ${s?.status ?? 'gone'}, not proposed`);
      const requestStatus = await this.projections.lockRequest(manager, s.requestId);
      if (requestStatus !== 'open') throw new ConflictException(`The request is ${requestStatus ?? 'unknown'}, not open`);
      if (await this.partnerships.isEngaged(manager, s.requestId)) {
        throw new ConflictException('The request already has a pending or agreed partnership');
      }
      const offers = await this.projections.lockOffers(manager, s.offerIds);
      if (offers.length !== s.offerIds.length) throw new ConflictException('An offer of this suggestion is no longer known');
      const closed = offers.find((o) => o.status !== 'open' || Number(o.free) <= 0);
      if (closed) throw new ConflictException(`Offer ${closed.id} is ${closed.status === 'open' ? 'without a free slot' : closed.status}`);

      const now = new Date();
      const p = Object.assign(new PartnershipEntity(), {
        id: randomUUID(),
        suggestionId: s.id,
        requestId: s.requestId,
        offerIds: [...s.offerIds],
        providerIds: s.offerIds.map((o) => offers.find((x) => x.id === o)?.provider_id as string),
        country: s.country,
        cooperationType: s.cooperationType,
        status: 'pending',
        confirmations: [],
        reserved: false,
        held: false,
        reason: null,
        createdBy: user.sub,
        expiresAt: new Date(now.getTime() + this.cfg.PARTNERSHIP_EXPIRY_SECONDS * 1000),
        agreedAt: null,
        endedAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      } satisfies PartnershipEntity);
      await this.partnerships.insert(manager, p);
      await this.suggestions.decide(manager, s.id, { status: 'accepted', actor: user, at: now, reason: null, note: `partnership ${p.id} proposed` });
      const others = await this.suggestions.othersOf(manager, s.requestId, s.id);
      await this.suggestions.supersede(manager, others.map((o) => ({ id: o, reason: `the request has a pending partnership ${p.id}` })), now);
      const event = await this.outbox.add(manager, { type: 'partnership.proposed', aggregateId: p.id, version: 1, payload: toPartnershipSnapshot(p) });
      await this.partnerships.record(manager, p.id, { action: 'proposed', actor: user, reason: `from suggestion ${s.id}`, eventId: event.id, at: now });
      await this.expiry.schedule(p.id, p.expiresAt);
      return toPartnershipView(p);
    });
  }
}
