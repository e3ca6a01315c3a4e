import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { notificationsConfig } from '../notifications.config';
import { ReceiverPolicy } from './receiver-policy';
import { SecretBox } from './secret-box';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

type Settings = ConfigType<typeof notificationsConfig>;

@Module({
  controllers: [WebhooksController],
  providers: [
    WebhooksService,
    {
      provide: ReceiverPolicy,
      inject: [notificationsConfig.KEY],
      useFactory: (cfg: Settings) => new ReceiverPolicy(cfg.WEBHOOK_ALLOW_PRIVATE),
    },
    {
      provide: SecretBox,
      inject: [notificationsConfig.KEY],
      useFactory: (cfg: Settings) => new SecretBox(cfg.WEBHOOK_ENCRYPTION_KEY),
    },
  ],
  exports: [ReceiverPolicy, SecretBox],
})
export class WebhooksModule {}
