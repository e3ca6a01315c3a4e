import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, EventType } from '@capmatch/contracts';

export const HANDLES_EVENT = 'capmatch:handles-event';
export const EVENT_LANE = 'capmatch:event-lane';

export interface HandlesEventOptions {
  /**
   * Events of a named lane are batched apart from the others, one batch of the lane at a time
   * (event-batcher.ts). For work that serialises anyway (matching's offer step takes one lock
   * per batch): its batches then never fill the transaction slots that other events need.
   */
  readonly lane?: string;
}

/** What a handler of event type T must accept: that type's envelope (or a wider one) and the transaction. */
export type EventHandlerMethod<T extends EventType> = (event: EventEnvelope<T>, manager: EntityManager) => Promise<void>;

/**
 * Marks a provider method as the handler of one event type. The method receives the validated
 * envelope and the EntityManager of the transaction that also records the event in the inbox:
 * `handle(event: EventEnvelope<'partnership.proposed'>, manager: EntityManager): Promise<void>`.
 * The method's type is checked against the event type at compile time: a handler of
 * `offer.updated` taking `EventEnvelope<'request.updated'>` does not compile.
 */
export function HandlesEvent<T extends EventType>(type: T, options: HandlesEventOptions = {}) {
  const mark = SetMetadata(HANDLES_EVENT, type);
  const lane = SetMetadata(EVENT_LANE, options.lane);
  return <M extends EventHandlerMethod<T>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    mark(target, key, descriptor);
    lane(target, key, descriptor);
  };
}
