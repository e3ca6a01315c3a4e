import type { OfferSnapshot } from '@capmatch/contracts';
import type { FieldChange } from './offer-history.entity';

/** Bookkeeping fields change on every write; the audit trail records what the change was about. */
const IGNORED = new Set<keyof OfferSnapshot>(['updatedAt', 'version', 'createdAt', 'provider']);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field-by-field difference of two states of one offer, in the snapshot's field order. */
export function diffOffers(before: OfferSnapshot, after: OfferSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after) as Array<keyof OfferSnapshot>) {
    if (IGNORED.has(field) || same(before[field], after[field])) continue;
    changes.push({ field, from: before[field], to: after[field] });
  }
  return changes;
}

/** The whole initial state, as a diff from nothing, so a history read alone tells the full story. */
export function initialChanges(after: OfferSnapshot): FieldChange[] {
  return (Object.keys(after) as Array<keyof OfferSnapshot>)
    .filter((field) => !IGNORED.has(field))
    .map((field) => ({ field, from: null, to: after[field] }));
}
