import type { PartnershipSnapshot } from '@capmatch/contracts';
import type { PartnershipEntity } from '../store/partnership.entity';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** The event payload: the full partnership, with the provider of each offer. */
export function toPartnershipSnapshot(p: PartnershipEntity): PartnershipSnapshot {
  return {
    id: p.id,
    suggestionId: p.suggestionId,
    requestId: p.requestId,
    offerIds: [...p.offerIds],
    providerIds: [...p.providerIds],
    country: p.country,
    cooperationType: p.cooperationType,
    status: p.status,
    confirmations: p.confirmations.map((c) => ({ ...c })),
    reason: p.reason,
    expiresAt: iso(p.expiresAt) as string,
    agreedAt: iso(p.agreedAt),
    endedAt: iso(p.endedAt),
    createdAt: iso(p.createdAt) as string,
    updatedAt: iso(p.updatedAt) as string,
    version: p.version,
  };
}

export type PartnershipView = Omit<PartnershipSnapshot, 'providerIds'>;

/** The contract's partnership (GET /v1/partnerships/{id}). */
export function toPartnershipView(p: PartnershipEntity): PartnershipView {
  const { providerIds: _providers, ...view } = toPartnershipSnapshot(p);
  return view;
}
