import type {
  HoldOutcome,
  LegacyPartnershipSnapshot,
  OfferSnapshot,
  PartnershipSnapshot,
  RequestSnapshot,
  ReservationOutcome,
  SuggestionSnapshot,
} from './snapshots';

/** Every event type of the contract. Producers can only publish members of this map. */
export interface EventPayloads {
  'request.submitted': RequestSnapshot;
  'request.updated': RequestSnapshot;
  'request.withdrawn': RequestSnapshot;
  'offer.published': OfferSnapshot;
  'offer.updated': OfferSnapshot;
  'offer.withdrawn': OfferSnapshot;
  'suggestion.proposed': SuggestionSnapshot;
  'suggestion.rejected': SuggestionSnapshot;
  /** Produced before the saga; accepted by consumers for one release, then dropped. */
  'partnership.created': LegacyPartnershipSnapshot;
  'partnership.proposed': PartnershipSnapshot;
  'partnership.agreed': PartnershipSnapshot;
  'partnership.ended': PartnershipSnapshot;
  'reservation.made': ReservationOutcome;
  'reservation.refused': ReservationOutcome;
  'hold.made': HoldOutcome;
  'hold.refused': HoldOutcome;
}

export type EventType = keyof EventPayloads;

export const EVENT_TYPES = [
  'request.submitted',
  'request.updated',
  'request.withdrawn',
  'offer.published',
  'offer.updated',
  'offer.withdrawn',
  'suggestion.proposed',
  'suggestion.rejected',
  'partnership.created',
  'partnership.proposed',
  'partnership.agreed',
  'partnership.ended',
  'reservation.made',
  'reservation.refused',
  'hold.made',
  'hold.refused',
] as const satisfies readonly EventType[];

/** The payload of one event type. */
export type PayloadOf<T extends EventType> = EventPayloads[T];

/**
 * The envelope of the contract. `correlationId` is ours: the request id of the HTTP call (or
 * the event) that caused it, so one user action can be followed across services in the logs.
 */
export interface EventEnvelope<T extends EventType = EventType> {
  id: string;
  type: T;
  occurredAt: string;
  aggregateId: string;
  version: number;
  payload: PayloadOf<T>;
  correlationId?: string;
  /** The event (or HTTP request id) that directly caused this one; absent for a user's own action. */
  causationId?: string;
}

/** The discriminated union of all envelopes: narrowing on `type` narrows `payload`. */
export type AnyEvent = { [T in EventType]: EventEnvelope<T> }[EventType];

/** What a producer hands to the outbox; id, occurredAt and correlationId are filled in. */
export type NewEvent = {
  [T in EventType]: { type: T; aggregateId: string; version: number; payload: PayloadOf<T> };
}[EventType];
