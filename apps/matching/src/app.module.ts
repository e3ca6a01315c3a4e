import { Module } from '@nestjs/common';
import { PlatformModule, type ServiceDatabaseOptions } from '@capmatch/platform';
import { AllocationPlanEntity } from './allocations/allocation-plan.entity';
import { AllocationsModule } from './allocations/allocations.module';
import { ExportsModule } from './exports/exports.module';
import { matchingConfig } from './matching.config';
import { MatcherModule } from './matcher/matcher.module';
import { CreateMatching1764300000000 } from './migrations/1764300000000-create-matching';
import { StampProjectionsAtCommit1764400000000 } from './migrations/1764400000000-stamp-projections-at-commit';
import { PartnershipSaga1764500000000 } from './migrations/1764500000000-partnership-saga';
import { RejectionReasonCode1764512300000 } from './migrations/1764512300000-rejection-reason-code';
import { CreateAllocationPlans1764800000000 } from './migrations/1764800000000-create-allocation-plans';
import { PartnershipsModule } from './partnerships/partnerships.module';
import { ProjectionsModule } from './projections/projections.module';
import { ReportsModule } from './reports/reports.module';
import { PartnershipHistoryEntity } from './store/partnership-history.entity';
import { PartnershipEntity } from './store/partnership.entity';
import { SuggestionHistoryEntity } from './store/suggestion-history.entity';
import { SuggestionEntity } from './store/suggestion.entity';
import { SuggestionsModule } from './suggestions/suggestions.module';

/** Every entity and migration of the matching service; data-source.ts (TypeORM CLI) reads the same lists. */
export const ENTITIES: NonNullable<ServiceDatabaseOptions['entities']> = [
  SuggestionEntity,
  SuggestionHistoryEntity,
  PartnershipEntity,
  PartnershipHistoryEntity,
  AllocationPlanEntity,
];
export const MIGRATIONS: NonNullable<ServiceDatabaseOptions['migrations']> = [
  CreateMatching1764300000000,
  StampProjectionsAtCommit1764400000000,
  PartnershipSaga1764500000000,
  RejectionReasonCode1764512300000,
  CreateAllocationPlans1764800000000,
];

/**
 * The composition root: the platform and the feature modules. Arrows run one way
 * (config/dependency-cruiser.cjs): projections → partnerships → matcher → store, suggestions →
 * matcher, reports → store; exports read the tables they publish.
 */
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
          'Coordinators accept (→ a pending partnership, `partnership.proposed`) or reject (with a reason, ' +
          '`suggestion.rejected`); the country and every provider confirm or decline; the offers and requests ' +
          'services reserve the slots and hold the request. Every new proposal is published as `suggestion.proposed`. ' +
          'When slots are scarce, allocation plans share them fairly (or for the largest total) and apply through accept.',
      },
    }),
    MatcherModule,
    ProjectionsModule,
    SuggestionsModule,
    PartnershipsModule,
    ReportsModule,
    AllocationsModule,
    ExportsModule,
  ],
})
export class AppModule {}
