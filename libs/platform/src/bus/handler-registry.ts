import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { EVENT_TYPES, subscriptionsOf, type AnyEvent, type EventType, type ServiceName } from '@capmatch/contracts';
import { BUS_SERVICE } from './bus.constants';
import { EVENT_LANE, HANDLES_EVENT } from './handles-event.decorator';

export type EventHandlerFn = (event: AnyEvent, manager: EntityManager) => Promise<void>;

const isEventType = (value: unknown): value is EventType => (EVENT_TYPES as readonly unknown[]).includes(value);

interface Found {
  type: EventType;
  where: string;
  fn: EventHandlerFn;
  lane?: string;
}

/**
 * Finds every `@HandlesEvent` method and refuses to start (naming the type and the methods)
 * unless each type routed to this service has exactly one handler and no handler is declared
 * for a type this service never receives: a typo or a forgotten handler fails the boot, not a
 * job in production.
 */
@Injectable()
export class HandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<EventType, EventHandlerFn>();
  private readonly lanes = new Map<EventType, string>();

  constructor(
    @Inject(BUS_SERVICE) private readonly service: ServiceName,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const found = this.discover();
    const subscribed = subscriptionsOf(this.service);
    const problems: string[] = [];
    for (const type of subscribed) {
      const matches = found.filter((f) => f.type === type);
      if (matches.length === 0) problems.push(`no handler for "${type}" (routed to ${this.service})`);
      if (matches.length > 1) problems.push(`${matches.length} handlers for "${type}": ${matches.map((m) => m.where).join(', ')}`);
      if (matches.length === 1) this.handlers.set(type, matches[0].fn);
      const lane = matches[0]?.lane;
      if (matches.length === 1 && lane !== undefined) this.lanes.set(type, lane);
    }
    for (const f of found.filter((x) => !subscribed.includes(x.type))) {
      problems.push(`${f.where} handles "${f.type}", which ROUTES does not send to ${this.service}`);
    }
    if (problems.length > 0) {
      throw new Error(`Event handlers of service "${this.service}" are wrong:\n  - ${problems.join('\n  - ')}`);
    }
  }

  handlerFor(type: EventType): EventHandlerFn | undefined {
    return this.handlers.get(type);
  }

  /** The handler's lane (HandlesEventOptions), if it named one. */
  laneFor(type: EventType): string | undefined {
    return this.lanes.get(type);
  }

  get subscribedTypes(): EventType[] {
    return [...this.handlers.keys()];
  }

  private discover(): Found[] {
    const found: Found[] = [];
    const seen = new Set<object>(); // a provider re-exported by several modules is still one handler
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic() || seen.has(instance)) continue;
      seen.add(instance);
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn: unknown = instance[method];
        if (typeof fn !== 'function') continue;
        const type: unknown = Reflect.getMetadata(HANDLES_EVENT, fn);
        if (!isEventType(type)) continue;
        // @HandlesEvent checked at compile time that the method takes this type's envelope.
        const handler: EventHandlerFn = (event, manager) => Promise.resolve(fn.call(instance, event, manager));
        const lane: unknown = Reflect.getMetadata(EVENT_LANE, fn);
        found.push({ type, where: `${instance.constructor.name}.${method}`, fn: handler, lane: typeof lane === 'string' ? lane : undefined });
      }
    }
    return found;
  }
}
