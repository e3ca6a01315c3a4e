import { SetMetadata } from '@nestjs/common';
import type { EventType } from '@capmatch/contracts';

export const HANDLES_EVENT = 'capmatch:handles-event';

/**
 * Marks a provider method as the handler of one event type. The method receives the validated
 * envelope and the EntityManager of the transaction that also records the event in the inbox:
 * `handle(event: EventEnvelope<'partnership.created'>, manager: EntityManager): Promise<void>`.
 */
export const HandlesEvent = (type: EventType): MethodDecorator => SetMetadata(HANDLES_EVENT, type);
