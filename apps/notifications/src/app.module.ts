import { Module, type OnApplicationBootstrap, Inject, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { PlatformModule, type ServiceDatabaseOptions } from '@capmatch/platform';
import { DeliveryAttemptEntity } from './deliveries/delivery-attempt.entity';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { CreateNotifications1764500000000 } from './migrations/1764500000000-create-notifications';
import { notificationsConfig } from './notifications.config';
import { OfferEventsHandler } from './projection/offer-events.handler';
import { WebhookEntity } from './webhooks/webhook.entity';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Every entity and migration of the notifications service; data-source.ts (TypeORM CLI) reads the same lists. */
export const ENTITIES: NonNullable<ServiceDatabaseOptions['entities']> = [WebhookEntity, DeliveryAttemptEntity];
export const MIGRATIONS: NonNullable<ServiceDatabaseOptions['migrations']> = [CreateNotifications1764500000000];

@Module({
  imports: [
    PlatformModule.forService({
      service: 'notifications',
      entities: ENTITIES,
      migrations: MIGRATIONS,
      config: [notificationsConfig],
      openApi: {
        title: 'capmatch notifications',
        description:
          'Signed webhooks (Standard Webhooks) that tell countries, providers and coordinators what waits for them: ' +
          '`suggestion.proposed`, `partnership.proposed`, `partnership.agreed`, `partnership.ended`, each for what the ' +
          "webhook's owner may see. Deliveries are retried with exponential backoff and jitter; a webhook failing for " +
          '`WEBHOOK_DISABLE_AFTER_HOURS` is disabled until re-enabled by PATCH.',
      },
    }),
    WebhooksModule,
    DeliveriesModule,
  ],
  providers: [OfferEventsHandler],
})
export class AppModule implements OnApplicationBootstrap {
  constructor(@Inject(notificationsConfig.KEY) private readonly cfg: ConfigType<typeof notificationsConfig>) {}

  onApplicationBootstrap(): void {
    const logger = new Logger('Notifications');
    if (!this.cfg.WEBHOOK_ENCRYPTION_KEY) {
      logger.warn('WEBHOOK_ENCRYPTION_KEY is not set: webhook secrets are stored unencrypted in notifications.webhooks');
    }
    if (this.cfg.WEBHOOK_ALLOW_PRIVATE) {
      logger.warn('WEBHOOK_ALLOW_PRIVATE=true: webhooks may use plain HTTP and reach private and loopback addresses');
    }
  }
}
