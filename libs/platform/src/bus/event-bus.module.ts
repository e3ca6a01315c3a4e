import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { ServiceName } from '@capmatch/contracts';
import { coreConfig } from '../config/core.config';
import { busConfig } from './bus.config';
import { BUS_SCHEMA, BUS_SERVICE } from './bus.constants';
import { EventWorker } from './event-worker.service';
import { HandlerRegistry } from './handler-registry';
import { InboxGate } from './inbox-gate';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxService } from './outbox.service';

/**
 * The event bus of one service: OutboxService for producers, the relay that moves the
 * service's outbox to BullMQ, and the worker that feeds its queue to `@HandlesEvent` methods.
 * Needs TypeORM's DataSource (its `schema` option names the outbox's schema; the service name
 * otherwise) and the ConfigModule.
 */
@Global()
@Module({})
export class EventBusModule {
  static forService(service: ServiceName): DynamicModule {
    return {
      module: EventBusModule,
      global: true,
      imports: [DiscoveryModule, ConfigModule.forFeature(coreConfig), ConfigModule.forFeature(busConfig)],
      providers: [
        { provide: BUS_SERVICE, useValue: service },
        {
          provide: BUS_SCHEMA,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => (dataSource.options as { schema?: string }).schema ?? service,
        },
        OutboxService,
        OutboxRelay,
        HandlerRegistry,
        InboxGate,
        EventWorker,
      ],
      exports: [OutboxService, OutboxRelay, EventWorker],
    };
  }
}
