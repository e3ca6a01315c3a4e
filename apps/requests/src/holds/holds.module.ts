import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { HoldService } from './hold.service';
import { PartnershipEventsHandler } from './partnership-events.handler';

/** The requests service's steps of the partnership saga. */
@Module({
  imports: [RequestsModule],
  providers: [HoldService, PartnershipEventsHandler],
})
export class HoldsModule {}
