import { Module } from '@nestjs/common';
import { PlatformModule, type ServiceDatabaseOptions } from '@capmatch/platform';
import { CreateOffers1764200000000 } from './migrations/1764200000000-create-offers';
import { Reservations1764500000000 } from './migrations/1764500000000-reservations';
import { OfferAllocationEntity } from './offers/offer-allocation.entity';
import { OfferHistoryEntity } from './offers/offer-history.entity';
import { OfferEntity } from './offers/offer.entity';
import { OffersModule } from './offers/offers.module';
import { ProviderEntity } from './providers/provider.entity';
import { ProvidersModule } from './providers/providers.module';
import { ReservationsModule } from './reservations/reservations.module';

/** Every entity and migration of the offers service; data-source.ts (TypeORM CLI) reads the same lists. */
export const ENTITIES: NonNullable<ServiceDatabaseOptions['entities']> = [
  ProviderEntity,
  OfferEntity,
  OfferHistoryEntity,
  OfferAllocationEntity,
];
export const MIGRATIONS: NonNullable<ServiceDatabaseOptions['migrations']> = [CreateOffers1764200000000, Reservations1764500000000];

@Module({
  imports: [
    PlatformModule.forService({
      service: 'offers',
      entities: ENTITIES,
      migrations: MIGRATIONS,
      openApi: {
        title: 'capmatch offers',
        description:
          'Providers and their capacity-building offers (UNGA resolution 78/311). Every offer attests civilian use; ' +
          'its origin (north | south | multilateral) is derived from the provider. Changes are published as ' +
          '`offer.published`, `offer.updated` and `offer.withdrawn` events carrying the full offer; ' +
          'a proposed partnership reserves one slot of each of its offers (`reservation.made`, or `reservation.refused`), ' +
          'an ended one releases them; `remainingSlots` = `slots` − pending − agreed partnerships.',
      },
    }),
    ProvidersModule,
    OffersModule,
    ReservationsModule,
  ],
})
export class AppModule {}
