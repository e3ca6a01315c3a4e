import { offerSnapshot } from '../../test/matching-fixtures';
import { toMatchOffer } from './to-match';

describe('toMatchOffer', () => {
  it('takes the lower of the offers service\'s remaining slots and our own free count', () => {
    const s = offerSnapshot('rw', 'south', { slots: 3, remainingSlots: 3 });
    expect(toMatchOffer(s, 'open', 1).remainingSlots).toBe(1);
    expect(toMatchOffer({ ...s, remainingSlots: 0 }, 'open', 3).remainingSlots).toBe(0);
    expect(toMatchOffer(s, 'open', -1).remainingSlots).toBe(0);
  });

  it('carries the provider country for rule 2 (null for multilateral)', () => {
    expect(toMatchOffer(offerSnapshot('rw', 'multilateral'), 'open', 1).providerCountry).toBeNull();
    expect(toMatchOffer(offerSnapshot('rw', 'south'), 'open', 1).providerCountry).toBe('KEN');
  });
});
