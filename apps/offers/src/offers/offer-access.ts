import type { OfferStatus } from '@capmatch/contracts';
import type { AuthUser } from '@capmatch/platform';

/**
 * What a caller may do with one offer:
 * - `manage`: read, edit, withdraw, read its history: coordinators and admins for every offer
 *   (they also create offers on a provider's behalf), a donor for its own provider's offers;
 * - `read`: any other caller sees open offers (countries read open offers; donors see the
 *   open offers of other providers, which they compete or co-operate with);
 * - `none`: the offer is answered 404, so its existence is not revealed.
 */
export type OfferAccess = 'manage' | 'read' | 'none';

export function accessTo(offer: { providerId: string; status: OfferStatus }, user: AuthUser): OfferAccess {
  if (user.role === 'coordinator' || user.role === 'admin') return 'manage';
  if (user.role === 'donor' && user.providerId !== undefined && user.providerId === offer.providerId) return 'manage';
  return offer.status === 'open' ? 'read' : 'none';
}

/** Which offers a list shows the caller: all, or open ones plus (for a donor) its own. */
export function listScope(user: AuthUser): { all: true } | { all: false; ownProviderId: string | null } {
  if (user.role === 'coordinator' || user.role === 'admin') return { all: true };
  return { all: false, ownProviderId: user.role === 'donor' ? (user.providerId ?? null) : null };
}
