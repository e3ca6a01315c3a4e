import { Module } from '@nestjs/common';
import { PlatformModule, type ServiceDatabaseOptions } from '@capmatch/platform';
import { ExportsModule } from './exports/exports.module';
import { matchingConfig } from './matching.config';
import { MatchingModule } from './matching/matching.module';
import { CreateMatching1764300000000 } from './migrations/1764300000000-create-matching';
import { StampProjectionsAtCommit1764400000000 } from './migrations/1764400000000-stamp-projections-at-commit';
import { PartnershipEntity } from './partnerships/partnership.entity';
import { SuggestionHistoryEntity } from './suggestions/suggestion-history.entity';
import { SuggestionEntity } from './suggestions/suggestion.entity';

/** Every entity and migration of the matching service; data-source.ts (TypeORM CLI) reads the same lists. */
export const ENTITIES: NonNullable<ServiceDatabaseOptions['entities']> = [
  SuggestionEntity,
  SuggestionHistoryEntity,
  PartnershipEntity,
];
export const MIGRATIONS: NonNullable<ServiceDatabaseOptions['migrations']> = [
  CreateMatching1764300000000,
  StampProjectionsAtCommit1764400000000,
];

@Module({
  imports: [
    PlatformModule.forService({
      service: 'matching',
      entities: ENTITIES,
      migrations: MIGRATIONS,
      config: [matchingConfig],
      openApi: {
        title: 'capmatch matching',
        description:
          'Suggestions, partnerships and coverage reports (UNGA resolution 78/311). The service projects ' +
          '`request.*` and `offer.*` events into its own tables and keeps every open request supplied with up to ' +
          '`MATCH_TOP_K` (default 5) proposed suggestions, best first, each with its score and explanation. ' +
          'Coordinators accept (→ partnership, `partnership.created`) or reject (with a reason, ' +
          '`suggestion.rejected`); every new proposal is published as `suggestion.proposed`.',
      },
    }),
    MatchingModule,
    ExportsModule,
  ],
})
export class AppModule {}
