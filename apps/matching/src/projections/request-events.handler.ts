import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capmatch/contracts';
import { HandlesEvent } from '@capmatch/platform';
import { RequestProjector } from './request-projector.service';

/** request.* events: the payload is the full request, so all three are one projection step. */
@Injectable()
export class RequestEventsHandler {
  constructor(private readonly projector: RequestProjector) {}

  @HandlesEvent('request.submitted')
  submitted(event: EventEnvelope<'request.submitted'>, manager: EntityManager): Promise<void> {
    return this.projector.apply(manager, event);
  }

  @HandlesEvent('request.updated')
  updated(event: EventEnvelope<'request.updated'>, manager: EntityManager): Promise<void> {
    return this.projector.apply(manager, event);
  }

  @HandlesEvent('request.withdrawn')
  withdrawn(event: EventEnvelope<'request.withdrawn'>, manager: EntityManager): Promise<void> {
    return this.projector.apply(manager, event);
  }
}
