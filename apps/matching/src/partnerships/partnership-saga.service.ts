import { ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { HoldOutcome, ReservationOutcome } from '@capmatch/contracts';
import { OutboxService, type AuthUser } from '@capmatch/platform';
import { lockGateShared, lockRequest } from '../matcher/match-locks';
import { PartnershipStore } from '../store/partnership-store';
import { PartnershipEntity } from '../store/partnership.entity';
import type { Actor } from '../store/system-actor';
import { addConfirmations, isAgreeable, standingOf } from './parties';
import { PartnershipEnder } from './partnership-ender';
import { toPartnershipSnapshot, toPartnershipView, type PartnershipView } from './partnership.mapper';

const OFFERS: Actor = { sub: 'offers', role: 'system' };
const REQUESTS: Actor = { sub: 'requests', role: 'system' };
const EXPIRY: Actor = { sub: 'matching', role: 'system' };

/**
 * The steps of a pending partnership after the accept: the owners' answers (reserved, held,
 * refused), the parties' confirmations, declines and cancels, and expiry. Each step runs in one
 * transaction under the shared match gate, the request's lock and the partnership's row lock,
 * and re-reads the state first: a step that comes late (the partnership already ended) or twice
 * changes nothing. Agreement is checked after every step, so the order of confirmations and
 * reservations does not matter.
 */
@Injectable()
export class PartnershipSaga {
  private readonly logger = new Logger(PartnershipSaga.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly partnerships: PartnershipStore,
    private readonly ender: PartnershipEnder,
    private readonly outbox: OutboxService,
  ) {}

  reserved(manager: EntityManager, outcome: ReservationOutcome): Promise<void> {
    return this.ownerStep(manager, outcome.partnershipId, async (p) => {
      if (p.reserved) return;
      await this.note(manager, p, 'reserved', OFFERS, `slot reserved on offer ${p.offerIds.join(', ')}`, (x) => (x.reserved = true));
    });
  }

  held(manager: EntityManager, outcome: HoldOutcome): Promise<void> {
    return this.ownerStep(manager, outcome.partnershipId, async (p) => {
      if (p.held) return;
      await this.note(manager, p, 'held', REQUESTS, `request ${p.requestId} held`, (x) => (x.held = true));
    });
  }

  reservationRefused(manager: EntityManager, outcome: ReservationOutcome): Promise<void> {
    return this.ownerStep(manager, outcome.partnershipId, (p) =>
      this.ender.end(manager, p, {
        status: 'cancelled',
        reason: 'offer-unavailable',
        detail: `offer ${outcome.offerId ?? '?'}: ${outcome.reason ?? 'refused'}`,
        actor: OFFERS,
      }),
    );
  }

  holdRefused(manager: EntityManager, outcome: HoldOutcome): Promise<void> {
    return this.ownerStep(manager, outcome.partnershipId, (p) =>
      this.ender.end(manager, p, { status: 'cancelled', reason: 'request-unavailable', detail: outcome.reason, actor: REQUESTS }),
    );
  }

  /** A party confirms; twice is 200 unchanged. */
  confirm(user: AuthUser, id: string): Promise<PartnershipView> {
    return this.partyStep(user, id, async (manager, p, given) => {
      const now = new Date();
      if (addConfirmations(p, given, now) === 0) return;
      const who = given.map((c) => (c.party === 'country' ? 'the country' : `the provider of offer ${c.offerId}`)).join(', ');
      await this.note(manager, p, 'confirmed', user, `confirmed by ${who}`);
    });
  }

  decline(user: AuthUser, id: string, reason: string): Promise<PartnershipView> {
    return this.partyStep(user, id, (manager, p, given) => {
      const who = given[0].party === 'country' ? 'the country' : 'the provider';
      return this.ender.end(manager, p, { status: 'declined', reason: `declined by ${who}: ${reason}`, actor: user, rejectCombination: true });
    });
  }

  /** Coordinators and admins (the route says so). */
  cancel(user: AuthUser, id: string, reason: string): Promise<PartnershipView> {
    return this.step(id, async (manager, p) => {
      if (p.status !== 'pending') throw new ConflictException(`The partnership is ${p.status}, not pending`);
      await this.ender.end(manager, p, { status: 'cancelled', reason: `cancelled: ${reason}`, actor: user });
    });
  }

  /** The expiry job: ends the partnership if it is still pending. */
  async expire(id: string): Promise<void> {
    await this.step(id, async (manager, p) => {
      if (p.status !== 'pending') return;
      await this.ender.end(manager, p, { status: 'expired', reason: 'expired', actor: EXPIRY });
    }).catch((error: unknown) => {
      if (!(error instanceof NotFoundException)) throw error;
    });
  }

  /** An owner's answer: only a pending partnership moves; a late answer is only logged. */
  private async ownerStep(manager: EntityManager, id: string, apply: (p: PartnershipEntity) => Promise<void>): Promise<void> {
    const p = await this.lockForStep(manager, id);
    if (!p) return this.logger.warn({ partnershipId: id }, 'owner answer for an unknown partnership; skipped');
    if (p.status !== 'pending') return this.logger.log({ partnershipId: id, status: p.status }, 'owner answer after the partnership ended; nothing to do');
    await apply(p);
  }

  private partyStep(
    user: AuthUser,
    id: string,
    apply: (manager: EntityManager, p: PartnershipEntity, given: Array<{ party: 'country' | 'provider'; offerId?: string; sub: string }>) => Promise<void>,
  ): Promise<PartnershipView> {
    return this.step(id, async (manager, p) => {
      const standing = standingOf(user, p);
      if (standing.kind === 'invisible') throw new NotFoundException('Partnership not found');
      if (standing.kind === 'onlooker') throw new ForbiddenException('Only the requesting country and the providers confirm or decline');
      if (p.status !== 'pending') throw new ConflictException(`The partnership is ${p.status}, not pending`);
      await apply(manager, p, standing.confirmations);
    });
  }

  /** One HTTP step in its own transaction; answers the partnership as it is after it. */
  private async step(id: string, apply: (manager: EntityManager, p: PartnershipEntity) => Promise<void>): Promise<PartnershipView> {
    return this.dataSource.transaction(async (manager) => {
      const p = await this.lockForStep(manager, id);
      if (!p) throw new NotFoundException('Partnership not found');
      await apply(manager, p);
      return toPartnershipView(p);
    });
  }

  /** Gate, request lock, then the row (match-locks.ts order). */
  private async lockForStep(manager: EntityManager, id: string): Promise<PartnershipEntity | null> {
    const found = await manager.findOneBy(PartnershipEntity, { id });
    if (!found) return null;
    await lockGateShared(manager);
    await lockRequest(manager, found.requestId);
    return this.partnerships.lock(manager, id);
  }

  /** Records a step that keeps the partnership pending, then agrees it if nothing is missing. */
  private async note(
    manager: EntityManager,
    p: PartnershipEntity,
    action: 'reserved' | 'held' | 'confirmed',
    actor: Actor,
    reason: string,
    change: (p: PartnershipEntity) => void = () => undefined,
  ): Promise<void> {
    const now = new Date();
    change(p);
    Object.assign(p, { updatedAt: now, version: p.version + 1 });
    await this.partnerships.save(manager, p);
    await this.partnerships.record(manager, p.id, { action, actor, reason, at: now });
    if (!isAgreeable(p)) return;
    Object.assign(p, { status: 'agreed', agreedAt: now, version: p.version + 1 });
    await this.partnerships.save(manager, p);
    const event = await this.outbox.add(manager, { type: 'partnership.agreed', aggregateId: p.id, version: p.version, payload: toPartnershipSnapshot(p) });
    await this.partnerships.record(manager, p.id, { action: 'agreed', actor, reason: 'every party confirmed, every slot reserved, the request held', eventId: event.id, at: now });
    this.logger.log({ partnershipId: p.id }, 'partnership agreed');
  }
}
