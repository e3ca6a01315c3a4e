import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capmatch/contracts';
import { HandlesEvent } from '@capmatch/platform';
import { HoldService } from './hold.service';

/** partnership.* events from matching: hold on a proposal, matched on an agreement, release on an ending. */
@Injectable()
export class PartnershipEventsHandler {
  constructor(private readonly holds: HoldService) {}

  @HandlesEvent('partnership.proposed')
  proposed(event: EventEnvelope<'partnership.proposed'>, manager: EntityManager): Promise<void> {
    return this.holds.hold(manager, event);
  }

  @HandlesEvent('partnership.agreed')
  agreed(event: EventEnvelope<'partnership.agreed'>, manager: EntityManager): Promise<void> {
    return this.holds.agreed(manager, event);
  }

  @HandlesEvent('partnership.ended')
  ended(event: EventEnvelope<'partnership.ended'>, manager: EntityManager): Promise<void> {
    return this.holds.released(manager, event);
  }
}
