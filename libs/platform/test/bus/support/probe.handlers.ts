import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AnyEvent, EventEnvelope } from '@capmatch/contracts';
import { HandlesEvent } from '../../../src/bus';
import { OutboxService } from '../../../src/bus/outbox.service';
import { ProbeEntity } from './probe.entity';

/** Scripted behaviour for the tests: how often an event's handler throws before it succeeds. */
export const script = {
  failuresLeft: new Map<string, number>(),
  /** request.submitted with this title makes the handler publish a request.updated (a chain). */
  chainTitle: 'chain me',
};

/** The fake "matching" service: a handler for every type ROUTES sends to matching. */
@Injectable()
export class ProbeHandlers {
  constructor(private readonly outbox: OutboxService) {}

  @HandlesEvent('request.submitted')
  async submitted(event: EventEnvelope<'request.submitted'>, manager: EntityManager): Promise<void> {
    await this.record(event, manager);
    if (event.payload.title === script.chainTitle) {
      await this.outbox.add(manager, {
        type: 'request.updated', aggregateId: event.aggregateId, version: event.version + 1,
        payload: { ...event.payload, title: 'chained', version: event.version + 1 },
      });
    }
  }

  @HandlesEvent('request.updated')
  updated(event: AnyEvent, manager: EntityManager): Promise<void> {
    return this.record(event, manager);
  }

  @HandlesEvent('request.withdrawn')
  withdrawn(event: AnyEvent, manager: EntityManager): Promise<void> {
    return this.record(event, manager);
  }

  @HandlesEvent('offer.published')
  published(event: AnyEvent, manager: EntityManager): Promise<void> {
    return this.record(event, manager);
  }

  @HandlesEvent('offer.updated')
  offerUpdated(event: AnyEvent, manager: EntityManager): Promise<void> {
    return this.record(event, manager);
  }

  @HandlesEvent('offer.withdrawn')
  offerWithdrawn(event: AnyEvent, manager: EntityManager): Promise<void> {
    return this.record(event, manager);
  }

  // The owners' answers of the partnership saga are routed to matching too.
  @HandlesEvent('reservation.made')
  reservationMade(event: AnyEvent, manager: EntityManager): Promise<void> {
    return this.record(event, manager);
  }

  @HandlesEvent('reservation.refused')
  reservationRefused(event: AnyEvent, manager: EntityManager): Promise<void> {
    return this.record(event, manager);
  }

  @HandlesEvent('hold.made')
  holdMade(event: AnyEvent, manager: EntityManager): Promise<void> {
    return this.record(event, manager);
  }

  @HandlesEvent('hold.refused')
  holdRefused(event: AnyEvent, manager: EntityManager): Promise<void> {
    return this.record(event, manager);
  }

  private async record(event: AnyEvent, manager: EntityManager): Promise<void> {
    await manager.insert(ProbeEntity, {
      eventId: event.id, type: event.type, aggregateId: event.aggregateId, version: event.version,
      correlationId: event.correlationId ?? null,
    });
    const left = script.failuresLeft.get(event.id) ?? 0;
    if (left > 0) {
      script.failuresLeft.set(event.id, left - 1);
      throw new Error(`scripted failure of ${event.id}`);
    }
  }
}
