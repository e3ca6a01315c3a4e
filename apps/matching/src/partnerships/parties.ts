import type { PartnershipConfirmation } from '@capmatch/contracts';
import type { AuthUser } from '@capmatch/platform';
import type { PartnershipEntity } from '../store/partnership.entity';

/**
 * Who may act on a partnership (contract): the requesting country's `country` token for the
 * request, a `donor` token for every offer of its own provider; coordinators and admins may
 * see and cancel, not confirm. `invisible` answers 404 (as for a missing id), `onlooker` 403.
 */
export type Standing = { kind: 'party'; confirmations: Array<Omit<PartnershipConfirmation, 'at'>> } | { kind: 'onlooker' } | { kind: 'invisible' };

export function standingOf(user: AuthUser, p: PartnershipEntity): Standing {
  if (user.role === 'country') {
    if (user.country !== p.country) return { kind: 'invisible' };
    return { kind: 'party', confirmations: [{ party: 'country', sub: user.sub }] };
  }
  if (user.role === 'donor') {
    const mine = p.offerIds.filter((_, i) => p.providerIds[i] === user.providerId);
    if (mine.length === 0) return { kind: 'invisible' };
    return { kind: 'party', confirmations: mine.map((offerId) => ({ party: 'provider', offerId, sub: user.sub })) };
  }
  return { kind: 'onlooker' };
}

const keyOf = (c: Pick<PartnershipConfirmation, 'party' | 'offerId'>): string => (c.party === 'country' ? 'country' : `provider:${c.offerId}`);

/** The confirmations still missing: the country's, and one per offer. */
export function missingConfirmations(p: PartnershipEntity): string[] {
  const have = new Set(p.confirmations.map(keyOf));
  return ['country', ...p.offerIds.map((o) => `provider:${o}`)].filter((k) => !have.has(k));
}

/** Adds the confirmations not yet given; returns how many were new. */
export function addConfirmations(p: PartnershipEntity, given: Array<Omit<PartnershipConfirmation, 'at'>>, at: Date): number {
  const have = new Set(p.confirmations.map(keyOf));
  const fresh = given.filter((c) => !have.has(keyOf(c))).map((c) => ({ ...c, at: at.toISOString() }));
  p.confirmations = [...p.confirmations, ...fresh];
  return fresh.length;
}

/** Every party confirmed and every owner reserved or held: the partnership is agreed. */
export function isAgreeable(p: PartnershipEntity): boolean {
  return p.status === 'pending' && p.reserved && p.held && missingConfirmations(p).length === 0;
}
