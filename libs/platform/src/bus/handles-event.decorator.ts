import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, EventType } from '@capmatch/contracts';

export const HANDLES_EVENT = 'capmatch:handles-event';

/** What a handler of event type T must accept: that type's envelope (or a wider one) and the transaction. */
export type EventHandlerMethod<T extends EventType> = (event: EventEnvelope<T>, manager: EntityManager) => Promise<void>;

/**
 * Marks a provider method as the handler of one event type. The method receives the validated
 * envelope and the EntityManager of the transaction that also records the event in the inbox:
 * `handle(event: EventEnvelope<'partnership.proposed'>, manager: EntityManager): Promise<void>`.
 * The method's type is checked against the event type at compile time: a handler of
 * `offer.updated` taking `EventEnvelope<'request.updated'>` does not compile.
 */
export function HandlesEvent<T extends EventType>(type: T) {
  const mark = SetMetadata(HANDLES_EVENT, type);
  return <M extends EventHandlerMethod<T>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    mark(target, key, descriptor);
  };
}
