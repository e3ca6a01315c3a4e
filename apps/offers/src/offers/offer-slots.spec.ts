import { allocateSlot, resizeSlots, usedSlots } from './offer-slots';

describe('offer slots', () => {
  it('counts used slots', () => {
    expect(usedSlots({ slots: 5, remainingSlots: 2, status: 'open' })).toBe(3);
  });

  it('refuses to go below the slots used', () => {
    expect(resizeSlots({ slots: 5, remainingSlots: 2, status: 'open' }, 2)).toBeNull();
  });

  it('keeps used slots when resizing', () => {
    expect(resizeSlots({ slots: 5, remainingSlots: 2, status: 'open' }, 7)).toEqual({ slots: 7, remainingSlots: 4, status: 'open' });
  });

  it('exhausts an offer resized to exactly its used slots', () => {
    expect(resizeSlots({ slots: 5, remainingSlots: 2, status: 'open' }, 3)).toEqual({ slots: 3, remainingSlots: 0, status: 'exhausted' });
  });

  it('reopens an exhausted offer whose slots are raised', () => {
    expect(resizeSlots({ slots: 2, remainingSlots: 0, status: 'exhausted' }, 3)).toEqual({ slots: 3, remainingSlots: 1, status: 'open' });
  });

  it('takes one slot and exhausts at zero', () => {
    expect(allocateSlot({ slots: 2, remainingSlots: 2, status: 'open' })).toEqual({ slots: 2, remainingSlots: 1, status: 'open' });
    expect(allocateSlot({ slots: 2, remainingSlots: 1, status: 'open' })).toEqual({ slots: 2, remainingSlots: 0, status: 'exhausted' });
  });

  it('never goes below zero', () => {
    expect(allocateSlot({ slots: 2, remainingSlots: 0, status: 'exhausted' })).toBeNull();
  });

  it('keeps a withdrawn offer withdrawn', () => {
    expect(allocateSlot({ slots: 1, remainingSlots: 1, status: 'withdrawn' })).toEqual({ slots: 1, remainingSlots: 0, status: 'withdrawn' });
    expect(resizeSlots({ slots: 1, remainingSlots: 0, status: 'withdrawn' }, 4)?.status).toBe('withdrawn');
  });
});
