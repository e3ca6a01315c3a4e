import type { AuthUser } from '@capmatch/platform';
import { PartnershipEntity } from '../store/partnership.entity';
import { addConfirmations, isAgreeable, missingConfirmations, standingOf } from './parties';

const OFFER_A = '00000000-0000-4000-8000-00000000000a';
const OFFER_B = '00000000-0000-4000-8000-00000000000b';
const PROVIDER_A = '00000000-0000-4000-8000-0000000000aa';
const PROVIDER_B = '00000000-0000-4000-8000-0000000000bb';

function partnership(): PartnershipEntity {
  return Object.assign(new PartnershipEntity(), {
    offerIds: [OFFER_A, OFFER_B], providerIds: [PROVIDER_A, PROVIDER_B], country: 'RWA', status: 'pending',
    confirmations: [], reserved: false, held: false,
  });
}

const user = (u: Partial<AuthUser>): AuthUser => ({ sub: 's', role: 'country', ...u }) as AuthUser;

describe('partnership parties', () => {
  it('gives the requesting country one confirmation and a donor one per offer of its provider', () => {
    const p = partnership();
    expect(standingOf(user({ role: 'country', country: 'RWA' }), p)).toEqual({ kind: 'party', confirmations: [{ party: 'country', sub: 's' }] });
    expect(standingOf(user({ role: 'donor', providerId: PROVIDER_B }), p)).toEqual({
      kind: 'party', confirmations: [{ party: 'provider', offerId: OFFER_B, sub: 's' }],
    });
  });

  it('hides it from other countries and donors (404) and lets coordinators only look (403)', () => {
    const p = partnership();
    expect(standingOf(user({ role: 'country', country: 'UGA' }), p).kind).toBe('invisible');
    expect(standingOf(user({ role: 'donor', providerId: '00000000-0000-4000-8000-0000000000cc' }), p).kind).toBe('invisible');
    expect(standingOf(user({ role: 'coordinator' }), p).kind).toBe('onlooker');
    expect(standingOf(user({ role: 'admin' }), p).kind).toBe('onlooker');
  });

  it('agrees only with every confirmation, the reservation and the hold, in any order', () => {
    const p = partnership();
    const at = new Date('2026-12-01T00:00:00Z');
    expect(addConfirmations(p, [{ party: 'provider', offerId: OFFER_A, sub: 'a' }], at)).toBe(1);
    expect(addConfirmations(p, [{ party: 'provider', offerId: OFFER_A, sub: 'a' }], at)).toBe(0);
    expect(missingConfirmations(p)).toEqual(['country', `provider:${OFFER_B}`]);
    addConfirmations(p, [{ party: 'country', sub: 'c' }, { party: 'provider', offerId: OFFER_B, sub: 'b' }], at);
    expect(isAgreeable(p)).toBe(false);
    p.held = true;
    expect(isAgreeable(p)).toBe(false);
    p.reserved = true;
    expect(isAgreeable(p)).toBe(true);
    expect(isAgreeable({ ...p, status: 'declined' } as PartnershipEntity)).toBe(false);
  });
});
