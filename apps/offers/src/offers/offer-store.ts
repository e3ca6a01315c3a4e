import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { OfferSnapshot } from '@capmatch/contracts';
import type { AuthUser } from '@capmatch/platform';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { ProviderEntity } from '../providers/provider.entity';
import { accessTo } from './offer-access';
import { OfferEntity } from './offer.entity';
import { toOfferSnapshot } from './offer-snapshot';

/**
 * Locks an offer's row for the rest of the transaction. Every writer (edits, withdrawals,
 * partnership slots) takes this lock first, so versions and events of one offer are strictly
 * ordered and the outbox relay sees them in commit order.
 */
export async function lockOffer(manager: EntityManager, id: string): Promise<OfferEntity | null> {
  if (!isUUID(id)) return null;
  return manager.findOne(OfferEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** The locked offer if the caller may change it: 404 when it may not see it, 403 when it only may read it. */
export async function lockManagedOffer(manager: EntityManager, id: string, user: AuthUser): Promise<OfferEntity> {
  const offer = await lockOffer(manager, id);
  const access = offer ? accessTo(offer, user) : 'none';
  if (!offer || access === 'none') throw new NotFoundException('Offer not found');
  if (access === 'read') throw new ForbiddenException("Only the offer's provider, coordinators and admins may do this");
  return offer;
}

export async function providerOf(manager: EntityManager, offer: OfferEntity): Promise<ProviderEntity> {
  return manager.findOneByOrFail(ProviderEntity, { id: offer.providerId });
}

export async function snapshotOf(manager: EntityManager, offer: OfferEntity): Promise<OfferSnapshot> {
  return toOfferSnapshot(offer, await providerOf(manager, offer));
}
