import { Module } from '@nestjs/common';
import { MatcherModule } from '../matcher/matcher.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { StoreModule } from '../store/store.module';
import { OfferBatch } from './offer-batch.service';
import { OfferEventsHandler } from './offer-events.handler';
import { OfferProjector } from './offer-projector.service';
import { RequestEventsHandler } from './request-events.handler';
import { RequestProjector } from './request-projector.service';

/** request.* and offer.* events in: projected, then matched. */
@Module({
  imports: [StoreModule, MatcherModule, PartnershipsModule],
  providers: [RequestEventsHandler, OfferEventsHandler, RequestProjector, OfferProjector, OfferBatch],
})
export class ProjectionsModule {}
