import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capmatch/contracts';
import { HandlesEvent } from '@capmatch/platform';
import { ReservationService } from './reservation.service';

/** partnership.* events from matching: reserve on a proposal, release on an ending, note an agreement. */
@Injectable()
export class PartnershipEventsHandler {
  constructor(private readonly reservations: ReservationService) {}

  @HandlesEvent('partnership.proposed')
  proposed(event: EventEnvelope<'partnership.proposed'>, manager: EntityManager): Promise<void> {
    return this.reservations.reserve(manager, event);
  }

  @HandlesEvent('partnership.agreed')
  agreed(event: EventEnvelope<'partnership.agreed'>, manager: EntityManager): Promise<void> {
    return this.reservations.agreed(manager, event);
  }

  @HandlesEvent('partnership.ended')
  ended(event: EventEnvelope<'partnership.ended'>, manager: EntityManager): Promise<void> {
    return this.reservations.release(manager, event);
  }
}
