import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { busConfig } from '@capmatch/platform';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { DeliveryDispatcher } from './delivery-dispatcher.service';
import { DeliveryRecorder } from './delivery-recorder.service';
import { DeliveryWorker } from './delivery-worker.service';
import { FanOutService } from './fan-out.service';
import { NotificationEventsHandler } from './notification-events.handler';

@Module({
  imports: [WebhooksModule, ConfigModule.forFeature(busConfig)],
  providers: [FanOutService, NotificationEventsHandler, DeliveryDispatcher, DeliveryRecorder, DeliveryWorker],
})
export class DeliveriesModule {}
