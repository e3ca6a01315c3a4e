import { Module } from '@nestjs/common';
import { PartnershipStore } from './partnership-store';
import { ProjectionStore } from './projection-store';
import { SuggestionStore } from './suggestion-store';

/** The tables of the matching service, one store per table family; every other module reads and writes through these. */
@Module({
  providers: [ProjectionStore, SuggestionStore, PartnershipStore],
  exports: [ProjectionStore, SuggestionStore, PartnershipStore],
})
export class StoreModule {}
