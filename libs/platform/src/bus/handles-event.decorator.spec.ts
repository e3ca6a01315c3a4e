import 'reflect-metadata';
import type { EntityManager } from 'typeorm';
import type { AnyEvent, EventEnvelope } from '@capmatch/contracts';
import { HANDLES_EVENT, HandlesEvent } from './handles-event.decorator';

// The checks that matter here are the compiler's: `npm run typecheck` fails if a line marked as
// an expected error compiles, i.e. if a handler could take another event type's envelope.
class Handlers {
  @HandlesEvent('offer.updated')
  async exact(_event: EventEnvelope<'offer.updated'>, _manager: EntityManager): Promise<void> {}

  @HandlesEvent('offer.withdrawn')
  async wider(_event: AnyEvent): Promise<void> {}

  // @ts-expect-error a request envelope cannot handle an offer event
  @HandlesEvent('offer.published')
  async wrong(_event: EventEnvelope<'request.updated'>): Promise<void> {}

  // @ts-expect-error a handler returns a promise (it runs inside the inbox transaction)
  @HandlesEvent('hold.made')
  notAsync(): void {}
}

describe('HandlesEvent', () => {
  it('records the event type on the method for the registry', () => {
    expect(Reflect.getMetadata(HANDLES_EVENT, Handlers.prototype.exact)).toBe('offer.updated');
    expect(Reflect.getMetadata(HANDLES_EVENT, Handlers.prototype.wider)).toBe('offer.withdrawn');
  });
});
