import { Module } from '@nestjs/common';
import { MatcherModule } from '../matcher/matcher.module';
import { StoreModule } from '../store/store.module';
import { RejectService } from './reject.service';
import { SuggestionQueries } from './suggestion-queries.service';
import { SuggestionsController } from './suggestions.controller';

/** Suggestions: their reads and the coordinators' rejections (accepts belong to partnerships). */
@Module({
  imports: [StoreModule, MatcherModule],
  controllers: [SuggestionsController],
  providers: [SuggestionQueries, RejectService],
})
export class SuggestionsModule {}
