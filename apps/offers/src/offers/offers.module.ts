import { Module } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module';
import { OfferInputService } from './offer-input.service';
import { OfferQueriesService } from './offer-queries.service';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';
import { PartnershipCreatedHandler } from './partnership-created.handler';

@Module({
  imports: [ProvidersModule],
  controllers: [OffersController],
  providers: [OffersService, OfferQueriesService, OfferInputService, PartnershipCreatedHandler],
})
export class OffersModule {}
