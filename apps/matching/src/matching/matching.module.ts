import { Module } from '@nestjs/common';
import { AcceptService } from '../suggestions/accept.service';
import { RejectService } from '../suggestions/reject.service';
import { SuggestionQueries } from '../suggestions/suggestion-queries.service';
import { SuggestionsController } from '../suggestions/suggestions.controller';
import { PartnershipsController } from '../partnerships/partnerships.controller';
import { CoverageService } from '../reports/coverage.service';
import { ReportsController } from '../reports/reports.controller';
import { OfferEventsHandler } from '../projections/offer-events.handler';
import { OfferProjector } from '../projections/offer-projector.service';
import { RequestEventsHandler } from '../projections/request-events.handler';
import { RequestProjector } from '../projections/request-projector.service';
import { ProjectionIndex } from './projection-index.service';
import { Reconciler } from './reconciler.service';
import { RematchService } from './rematch.service';
import { SuggestionWriter } from './suggestion-writer.service';

/** Projections in, suggestions and partnerships out: everything around the engine. */
@Module({
  controllers: [SuggestionsController, PartnershipsController, ReportsController],
  providers: [
    ProjectionIndex,
    SuggestionWriter,
    Reconciler,
    RematchService,
    RequestProjector,
    OfferProjector,
    RequestEventsHandler,
    OfferEventsHandler,
    SuggestionQueries,
    AcceptService,
    RejectService,
    CoverageService,
  ],
  exports: [AcceptService],
})
export class MatchingModule {}
