import type { OfferSnapshot } from '@capmatch/contracts';
import { diffOffers, initialChanges } from './offer-diff';

const snapshot = (over: Partial<OfferSnapshot> = {}): OfferSnapshot => ({
  id: 'o1',
  providerId: 'p1',
  provider: { name: 'GIZ', kind: 'government', country: 'DEU' },
  origin: 'north',
  title: 'Title',
  description: 'Description',
  language: 'en',
  capacityAreas: ['data'],
  modalities: ['training'],
  sdgs: [],
  targetGroups: [],
  deliveryLanguages: ['en'],
  eligibility: { regions: [], countries: [], groups: [] },
  slots: 2,
  remainingSlots: 2,
  budgetUsd: null,
  role: 'provider',
  window: { start: '2026-01-01', end: '2026-12-31' },
  openSource: false,
  technologyTransferTerms: null,
  civilianUseOnly: true,
  status: 'open',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  ...over,
});

describe('diffOffers', () => {
  it('lists changed fields only, ignoring bookkeeping', () => {
    const after = snapshot({ slots: 3, remainingSlots: 3, window: { start: '2026-01-01', end: '2027-06-30' }, version: 2, updatedAt: 'later' });
    expect(diffOffers(snapshot(), after)).toEqual([
      { field: 'slots', from: 2, to: 3 },
      { field: 'remainingSlots', from: 2, to: 3 },
      { field: 'window', from: { start: '2026-01-01', end: '2026-12-31' }, to: { start: '2026-01-01', end: '2027-06-30' } },
    ]);
  });

  it('is empty when nothing changed', () => {
    expect(diffOffers(snapshot(), snapshot({ version: 2 }))).toEqual([]);
  });

  it('records the whole initial state on publication', () => {
    const changes = initialChanges(snapshot());
    expect(changes.map((c) => c.field)).toContain('civilianUseOnly');
    expect(changes.every((c) => c.from === null)).toBe(true);
    expect(changes.map((c) => c.field)).not.toContain('version');
  });
});
