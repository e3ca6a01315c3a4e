import { offerSnapshot } from '../../test/matching-fixtures';
import { toMatchOffer } from './to-match';

describe('toMatchOffer', () => {
  it("takes the offers service's remaining slots, never below zero", () => {
    const s = offerSnapshot('rw', 'south', { slots: 3, remainingSlots: 1 });
    expect(toMatchOffer(s, 'open').remainingSlots).toBe(1);
    expect(toMatchOffer({ ...s, remainingSlots: -1 }, 'open').remainingSlots).toBe(0);
  });

  it('carries the provider country for rule 2 (null for multilateral)', () => {
    expect(toMatchOffer(offerSnapshot('rw', 'multilateral'), 'open').providerCountry).toBeNull();
    expect(toMatchOffer(offerSnapshot('rw', 'south'), 'open').providerCountry).toBe('KEN');
  });
});
