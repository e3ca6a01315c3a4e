import type { OfferSnapshot } from '@capmatch/contracts';
import { diffFields } from '@capmatch/platform';
import type { FieldChange } from './offer-history.entity';

/** Bookkeeping fields change on every write; the audit trail records what the change was about. */
const IGNORED = new Set<keyof OfferSnapshot>(['updatedAt', 'version', 'createdAt', 'provider']);

/** The audited fields of a snapshot, in the snapshot's field order. */
function trackedFields(snapshot: OfferSnapshot): Array<keyof OfferSnapshot> {
  return (Object.keys(snapshot) as Array<keyof OfferSnapshot>).filter((field) => !IGNORED.has(field));
}

/** Field-by-field difference of two states of one offer, in the snapshot's field order. */
export function diffOffers(before: OfferSnapshot, after: OfferSnapshot): FieldChange[] {
  return diffFields(before, after, trackedFields(after));
}

/** The whole initial state, as a diff from nothing, so a history read alone tells the full story. */
export function initialChanges(after: OfferSnapshot): FieldChange[] {
  return trackedFields(after).map((field) => ({ field, from: null, to: after[field] }));
}
