import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capmatch/contracts';
import { HandlesEvent } from '@capmatch/platform';
import { RequestHistoryEntity } from './request-history.entity';
import { RequestRecorder, type Actor } from './request-recorder.service';
import { RequestEntity } from './request.entity';
import { toSnapshot } from './request.mapper';

/** Changes caused by the matching service are audited under this actor. */
const MATCHING: Actor = { sub: 'matching', role: 'system' };

/**
 * A coordinator accepted a suggestion: the request is now matched. Idempotent by state as well
 * as by the platform inbox: a partnership already recorded for the request changes nothing, and
 * a request that is no longer open only gets a history entry saying the partnership came late.
 */
@Injectable()
export class PartnershipCreatedHandler {
  private readonly logger = new Logger(PartnershipCreatedHandler.name);

  constructor(private readonly recorder: RequestRecorder) {}

  @HandlesEvent('partnership.created')
  async handle(event: EventEnvelope<'partnership.created'>, manager: EntityManager): Promise<void> {
    const partnership = event.payload;
    const request = await manager.findOne(RequestEntity, {
      where: { id: partnership.requestId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!request) {
      this.logger.warn(`partnership ${partnership.id} names unknown request ${partnership.requestId}; skipped`);
      return;
    }
    const seen = await manager.existsBy(RequestHistoryEntity, { requestId: request.id, partnershipId: partnership.id });
    if (seen) {
      this.logger.log(`partnership ${partnership.id} already recorded on request ${request.id}; nothing to do`);
      return;
    }
    const change = { actor: MATCHING, partnershipId: partnership.id };
    if (request.status !== 'open') {
      const reason = `partnership ${partnership.id} (suggestion ${partnership.suggestionId}) arrived while the request was ${request.status}; nothing changed`;
      await this.recorder.note(manager, request, { ...change, action: 'partnership-ignored', reason });
      this.logger.warn(reason);
      return;
    }
    const before = toSnapshot(request);
    Object.assign(request, { status: 'matched', version: request.version + 1, updatedAt: new Date() });
    const reason = `partnership ${partnership.id} created from suggestion ${partnership.suggestionId}`;
    await this.recorder.save(manager, before, request, { ...change, action: 'matched', reason });
    this.logger.log(`request ${request.id} matched by ${reason}`);
  }
}
