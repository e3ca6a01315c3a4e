import { Module } from '@nestjs/common';
import { PlatformModule, type ServiceDatabaseOptions } from '@capmatch/platform';
import { CreateRequests1764100000000 } from './migrations/1764100000000-create-requests';
import { RequestHolds1764500000000 } from './migrations/1764500000000-request-holds';
import { HoldsModule } from './holds/holds.module';
import { RequestHistoryEntity } from './requests/request-history.entity';
import { RequestEntity } from './requests/request.entity';
import { requestsConfig } from './requests.config';
import { RequestsModule } from './requests/requests.module';
import { TaxonomyModule } from './taxonomy/taxonomy.module';

/** Every entity and migration of the requests service; data-source.ts (TypeORM CLI) reads the same lists. */
export const ENTITIES: NonNullable<ServiceDatabaseOptions['entities']> = [RequestEntity, RequestHistoryEntity];
export const MIGRATIONS: NonNullable<ServiceDatabaseOptions['migrations']> = [CreateRequests1764100000000, RequestHolds1764500000000];

@Module({
  imports: [
    PlatformModule.forService({
      service: 'requests',
      entities: ENTITIES,
      migrations: MIGRATIONS,
      config: [requestsConfig],
      openApi: {
        title: 'capmatch requests',
        description:
          'Capacity-building requests of developing countries (UNGA resolution 78/311), their audit trail, ' +
          'the vocabularies (taxonomy) and the country classification. A proposed partnership holds an open request ' +
          '(`hold.made`, or `hold.refused`); an agreed one makes it `matched`.',
      },
    }),
    RequestsModule,
    TaxonomyModule,
    HoldsModule,
  ],
})
export class AppModule {}
