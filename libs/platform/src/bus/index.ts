export { EventBusModule } from './event-bus.module';
export { OutboxService } from './outbox.service';
export { OutboxRelay, type RelayOutcome } from './outbox-relay.service';
export { EventWorker } from './event-worker.service';
export { HandlesEvent } from './handles-event.decorator';
export { busConfig, BusEnv, type BusSettings } from './bus.config';
export { BusTables1764000000000, busMigration, busMigrations } from './bus-tables.migration';
export { RequestContext, type RequestContextData } from './request-context';
export { busMetrics } from './bus-metrics';
