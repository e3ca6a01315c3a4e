import type { OfferStatus } from '@capmatch/contracts';

export interface SlotState {
  slots: number;
  remainingSlots: number;
  status: OfferStatus;
}

export function usedSlots(state: SlotState): number {
  return state.slots - state.remainingSlots;
}

function statusFor(previous: OfferStatus, remaining: number): OfferStatus {
  if (previous === 'withdrawn') return 'withdrawn';
  return remaining === 0 ? 'exhausted' : 'open';
}

/**
 * New slot count on an edit. Partnerships already made keep their slot, so `slots` may not go
 * below the slots used (null: the caller answers 409). Raising the slots of an exhausted offer
 * reopens it; lowering them to exactly the used count exhausts it.
 */
export function resizeSlots(state: SlotState, slots: number): SlotState | null {
  const used = usedSlots(state);
  if (slots < used) return null;
  const remainingSlots = slots - used;
  return { slots, remainingSlots, status: statusFor(state.status, remainingSlots) };
}

/** An ended partnership gives its slot back: an exhausted offer reopens, a withdrawn one stays withdrawn. */
export function releaseSlot(state: SlotState): SlotState {
  const remainingSlots = Math.min(state.slots, state.remainingSlots + 1);
  return { slots: state.slots, remainingSlots, status: statusFor(state.status, remainingSlots) };
}

/**
 * One partnership takes one slot; null when none is left (never below zero). A withdrawn offer
 * still gives the slot (the partnership was made before matching saw the withdrawal) but stays
 * withdrawn.
 */
export function allocateSlot(state: SlotState): SlotState | null {
  if (state.remainingSlots <= 0) return null;
  const remainingSlots = state.remainingSlots - 1;
  return { slots: state.slots, remainingSlots, status: statusFor(state.status, remainingSlots) };
}
