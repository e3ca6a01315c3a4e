import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capmatch/contracts';
import { HandlesEvent } from '@capmatch/platform';
import { PartnershipSaga } from './partnership-saga.service';

/** The owners' answers to `partnership.proposed`: the offers service's reservation, the requests service's hold. */
@Injectable()
export class OwnerAnswersHandler {
  constructor(private readonly saga: PartnershipSaga) {}

  @HandlesEvent('reservation.made')
  reservationMade(event: EventEnvelope<'reservation.made'>, manager: EntityManager): Promise<void> {
    return this.saga.reserved(manager, event.payload);
  }

  @HandlesEvent('reservation.refused')
  reservationRefused(event: EventEnvelope<'reservation.refused'>, manager: EntityManager): Promise<void> {
    return this.saga.reservationRefused(manager, event.payload);
  }

  @HandlesEvent('hold.made')
  holdMade(event: EventEnvelope<'hold.made'>, manager: EntityManager): Promise<void> {
    return this.saga.held(manager, event.payload);
  }

  @HandlesEvent('hold.refused')
  holdRefused(event: EventEnvelope<'hold.refused'>, manager: EntityManager): Promise<void> {
    return this.saga.holdRefused(manager, event.payload);
  }
}
