import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OfferSnapshot } from '@capmatch/contracts';
import { type AuthUser, IdempotencyService, InvalidFieldsException, OutboxService } from '@capmatch/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProviderEntity } from '../providers/provider.entity';
import { recordHistory } from './history-entry';
import { diffOffers, initialChanges } from './offer-diff';
import { applyEdit, newOffer } from './offer-edit';
import { facilitatorProblems, OfferInputService } from './offer-input.service';
import { lockManagedOffer, providerOf } from './offer-store';
import { toOfferSnapshot } from './offer-snapshot';
import type { FieldChange } from './offer-history.entity';
import { OfferEntity } from './offer.entity';
import type { CreateOfferDto } from './create-offer.dto';
import type { UpdateOfferDto } from './update-offer.dto';

/**
 * Publishing, editing and withdrawing offers. Each change, its history entry and its event are
 * written in one transaction; the event carries the full snapshot at the new version.
 */
@Injectable()
export class OffersService {
  private readonly logger = new Logger(OffersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly input: OfferInputService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async create(dto: CreateOfferDto, user: AuthUser): Promise<OfferSnapshot> {
    const provider = await this.input.forCreate(dto, user);
    const offer = newOffer(dto, provider, new Date());
    const snapshot = toOfferSnapshot(offer, provider);
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(OfferEntity, offer);
      await recordHistory(manager, {
        offerId: offer.id,
        version: 1,
        action: 'published',
        actor: user,
        changes: initialChanges(snapshot),
        at: offer.createdAt,
      });
      await this.outbox.add(manager, { type: 'offer.published', aggregateId: offer.id, version: 1, payload: snapshot });
      await this.idempotency.recordIn(manager, snapshot);
    });
    this.logger.log({ offerId: offer.id, providerId: offer.providerId, origin: offer.origin }, 'offer published');
    return snapshot;
  }

  async update(id: string, dto: UpdateOfferDto, user: AuthUser, expectedVersion: number | undefined): Promise<OfferSnapshot> {
    return this.dataSource.transaction(async (manager) => {
      const offer = await lockManagedOffer(manager, id, user);
      const provider = await providerOf(manager, offer);
      const errors = facilitatorProblems(dto.role, provider);
      if (errors.length > 0) throw new InvalidFieldsException(errors);
      if (offer.status === 'withdrawn') throw new ConflictException('The offer is withdrawn and can no longer be edited');
      this.checkVersion(offer, expectedVersion);
      const before = toOfferSnapshot(offer, provider);
      const outcome = applyEdit(offer, dto);
      if (!outcome.ok) {
        throw new ConflictException(`slots cannot go below the ${outcome.used} slot(s) already used by partnerships`);
      }
      const changes = diffOffers(before, toOfferSnapshot(offer, provider));
      if (changes.length === 0) return before;
      return this.commitChange(manager, offer, provider, { action: 'updated', actor: user, changes });
    });
  }

  async withdraw(id: string, reason: string | null | undefined, user: AuthUser, expectedVersion: number | undefined): Promise<OfferSnapshot> {
    return this.dataSource.transaction(async (manager) => {
      const offer = await lockManagedOffer(manager, id, user);
      if (offer.status === 'withdrawn') throw new ConflictException('The offer is already withdrawn');
      this.checkVersion(offer, expectedVersion);
      const provider = await providerOf(manager, offer);
      const before = toOfferSnapshot(offer, provider);
      offer.status = 'withdrawn';
      const changes = diffOffers(before, toOfferSnapshot(offer, provider));
      const after = await this.commitChange(manager, offer, provider, { action: 'withdrawn', actor: user, changes, reason: reason ?? null });
      this.logger.log({ offerId: offer.id }, 'offer withdrawn');
      return after;
    });
  }

  /**
   * Saves an already applied change at the next version, with its history entry and its event,
   * inside the caller's transaction. `changes` leave out version and timestamps (diffOffers), so
   * they are the same whether taken before or after the bump.
   */
  private async commitChange(
    manager: EntityManager,
    offer: OfferEntity,
    provider: ProviderEntity,
    change: { action: 'updated' | 'withdrawn'; actor: AuthUser; changes: FieldChange[]; reason?: string | null },
  ): Promise<OfferSnapshot> {
    offer.version += 1;
    offer.updatedAt = new Date();
    await manager.save(OfferEntity, offer);
    const after = toOfferSnapshot(offer, provider);
    await recordHistory(manager, { offerId: offer.id, version: offer.version, at: offer.updatedAt, ...change });
    await this.outbox.add(manager, { type: `offer.${change.action}`, aggregateId: offer.id, version: offer.version, payload: after });
    return after;
  }

  private checkVersion(offer: OfferEntity, expected: number | undefined): void {
    if (expected !== undefined && expected !== offer.version) {
      throw new ConflictException(`The offer is at version ${offer.version}, not ${expected} (If-Match)`);
    }
  }
}
