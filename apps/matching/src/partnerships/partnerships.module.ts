import { Module } from '@nestjs/common';
import { MatcherModule } from '../matcher/matcher.module';
import { StoreModule } from '../store/store.module';
import { AcceptController } from './accept.controller';
import { AcceptService } from './accept.service';
import { OwnerAnswersHandler } from './owner-answers.handler';
import { PartnershipEnder } from './partnership-ender';
import { PartnershipExpiry } from './partnership-expiry.service';
import { PartnershipQueries } from './partnership-queries.service';
import { PartnershipSaga } from './partnership-saga.service';
import { PartnershipsController } from './partnerships.controller';

/** Partnerships: the accept that proposes one, the saga that agrees or ends it, and their reads. */
@Module({
  imports: [StoreModule, MatcherModule],
  controllers: [AcceptController, PartnershipsController],
  providers: [AcceptService, PartnershipSaga, PartnershipEnder, PartnershipExpiry, PartnershipQueries, OwnerAnswersHandler],
  exports: [PartnershipEnder],
})
export class PartnershipsModule {}
