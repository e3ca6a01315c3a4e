import type { EventType } from './events';
import type { ServiceName } from './queues';

/**
 * Which services consume which event type. The relay fans each event out to the queue of every
 * consumer listed here; a type with no consumer is still marked as relayed. A service refuses to
 * start unless it has exactly one handler for every type routed to it.
 */
export const ROUTES: Readonly<Record<EventType, readonly ServiceName[]>> = Object.freeze({
  'request.submitted': ['matching'],
  'request.updated': ['matching'],
  'request.withdrawn': ['matching'],
  'offer.published': ['matching', 'notifications'],
  'offer.updated': ['matching', 'notifications'],
  'offer.withdrawn': ['matching', 'notifications'],
  'suggestion.proposed': ['notifications'],
  'suggestion.rejected': [],
  'partnership.created': ['requests', 'offers'],
  // The saga (README, Partnerships): matching proposes, agrees and ends; the offers service
  // answers with a reservation, the requests service with a hold; notifications tells the parties.
  'partnership.proposed': ['requests', 'offers', 'notifications'],
  'partnership.agreed': ['requests', 'offers', 'notifications'],
  'partnership.ended': ['requests', 'offers', 'notifications'],
  'reservation.made': ['matching'],
  'reservation.refused': ['matching'],
  'hold.made': ['matching'],
  'hold.refused': ['matching'],
});

export function consumersOf(type: EventType): readonly ServiceName[] {
  return ROUTES[type];
}

export function subscriptionsOf(service: ServiceName): EventType[] {
  return (Object.keys(ROUTES) as EventType[]).filter((t) => ROUTES[t].includes(service));
}
