import { Injectable } from '@nestjs/common';
import type { AnyEvent } from '@capmatch/contracts';
import { HandlesEvent } from '../../src/bus';
import { prepareDatabase, startBusApp, testDatabaseUrl, uniquePrefix } from './support/bus-harness';
import { ProbeHandlers } from './support/probe.handlers';

const noop = async (_event: AnyEvent): Promise<void> => undefined;

/** Every matching subscription but offer.withdrawn. */
@Injectable()
class AllButOfferWithdrawn {
  @HandlesEvent('request.submitted') a(e: AnyEvent) { return noop(e); }
  @HandlesEvent('request.updated') b(e: AnyEvent) { return noop(e); }
  @HandlesEvent('request.withdrawn') c(e: AnyEvent) { return noop(e); }
  @HandlesEvent('offer.published') d(e: AnyEvent) { return noop(e); }
  @HandlesEvent('offer.updated') e(e: AnyEvent) { return noop(e); }
}

@Injectable()
class SecondSubmittedHandler {
  @HandlesEvent('request.submitted') again(e: AnyEvent) { return noop(e); }
}

@Injectable()
class PartnershipHandler {
  @HandlesEvent('partnership.created') created(e: AnyEvent) { return noop(e); }
}

describe('event bus: handler discovery at start-up', () => {
  const env = { QUEUE_PREFIX: uniquePrefix() };

  beforeAll(() => prepareDatabase(testDatabaseUrl()));

  it('refuses to start when a subscribed type has no handler, naming it', async () => {
    await expect(startBusApp({ env, handlers: [AllButOfferWithdrawn] })).rejects.toThrow(
      'no handler for "offer.withdrawn" (routed to matching)',
    );
  });

  it('refuses to start when a type has two handlers, naming both', async () => {
    await expect(startBusApp({ env, handlers: [ProbeHandlers, SecondSubmittedHandler] })).rejects.toThrow(
      /2 handlers for "request.submitted": (ProbeHandlers.submitted, SecondSubmittedHandler.again|SecondSubmittedHandler.again, ProbeHandlers.submitted)/,
    );
  });

  it('refuses a handler for a type that is not routed to the service', async () => {
    await expect(startBusApp({ env, handlers: [ProbeHandlers, PartnershipHandler] })).rejects.toThrow(
      'PartnershipHandler.created handles "partnership.created", which ROUTES does not send to matching',
    );
  });

  it('starts with exactly one handler per subscribed type', async () => {
    const bus = await startBusApp({ env, handlers: [ProbeHandlers] });
    await bus.close();
  });
});
