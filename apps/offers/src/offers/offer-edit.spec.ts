import type { ProviderEntity } from '../providers/provider.entity';
import type { CreateOfferDto } from './create-offer.dto';
import { applyEdit, newOffer } from './offer-edit';
import { facilitatorProblems } from './offer-input.service';

const provider = { id: 'p1', origin: 'south' } as ProviderEntity;
const dto = {
  title: 'Title',
  description: 'Description',
  language: 'en',
  capacityAreas: ['data'],
  modalities: ['training'],
  deliveryLanguages: ['en'],
  slots: 3,
  window: { start: '2026-01-01', end: '2026-12-31' },
  civilianUseOnly: true,
} as CreateOfferDto;

describe('newOffer', () => {
  it('opens with every slot free, the provider origin and the defaults', () => {
    const offer = newOffer(dto, provider, new Date('2026-01-01T00:00:00Z'));
    expect(offer).toMatchObject({
      providerId: 'p1',
      origin: 'south',
      status: 'open',
      slots: 3,
      remainingSlots: 3,
      sdgs: [],
      targetGroups: [],
      eligibility: { regions: [], countries: [], groups: [] },
      budgetUsd: null,
      role: 'provider',
      openSource: false,
      technologyTransferTerms: null,
      version: 1,
    });
  });
});

describe('applyEdit', () => {
  it('changes only the given fields and clears nullable ones given as null', () => {
    const offer = newOffer({ ...dto, budgetUsd: 10 }, provider, new Date());
    expect(applyEdit(offer, { title: 'New', budgetUsd: null, window: { start: '2026-02-01', end: '2026-03-01' } })).toEqual({ ok: true });
    expect(offer).toMatchObject({ title: 'New', budgetUsd: null, windowStart: '2026-02-01', windowEnd: '2026-03-01', description: 'Description' });
  });

  it('replaces eligibility whole, absent lists becoming empty', () => {
    const offer = newOffer({ ...dto, eligibility: { regions: ['africa'], countries: ['KEN'] } }, provider, new Date());
    applyEdit(offer, { eligibility: { groups: ['sids'] } });
    expect(offer.eligibility).toEqual({ regions: [], countries: [], groups: ['sids'] });
  });

  it('refuses slots below those used and leaves the offer untouched', () => {
    const offer = newOffer(dto, provider, new Date());
    offer.remainingSlots = 1;
    expect(applyEdit(offer, { slots: 1, title: 'Changed' })).toEqual({ ok: false, used: 2 });
    expect(offer).toMatchObject({ slots: 3, remainingSlots: 1, title: 'Title' });
  });
});

describe('facilitatorProblems', () => {
  it('refuses a facilitator from the South only', () => {
    expect(facilitatorProblems('facilitator', { origin: 'south' })).toEqual([expect.objectContaining({ field: 'role' })]);
    expect(facilitatorProblems('facilitator', { origin: 'north' })).toEqual([]);
    expect(facilitatorProblems('facilitator', { origin: 'multilateral' })).toEqual([]);
    expect(facilitatorProblems('provider', { origin: 'south' })).toEqual([]);
    expect(facilitatorProblems(undefined, { origin: 'south' })).toEqual([]);
  });
});
