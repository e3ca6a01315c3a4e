import { Module } from '@nestjs/common';
import { PartnershipEventsHandler } from './partnership-events.handler';
import { ReservationService } from './reservation.service';

/** The offers service's steps of the partnership saga: slots reserved, refused and released. */
@Module({
  providers: [ReservationService, PartnershipEventsHandler],
})
export class ReservationsModule {}
