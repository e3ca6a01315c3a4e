import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capmatch/contracts';
import { OutboxService } from '@capmatch/platform';
import { RequestHistoryEntity, type HistoryAction } from '../requests/request-history.entity';
import { RequestRecorder, type Actor } from '../requests/request-recorder.service';
import { RequestEntity } from '../requests/request.entity';
import { toSnapshot } from '../requests/request.mapper';

/** Changes caused by the matching service's partnership steps are audited under this actor. */
const MATCHING: Actor = { sub: 'matching', role: 'system' };

/**
 * The requests service's part of the partnership saga: it owns the request's status. A
 * proposal holds an open request (or is refused), an agreement makes the request `matched`, an
 * ending releases the hold. Each step is idempotent by state: the history entry naming the
 * partnership says it was done, whatever the event id. A held request may still be withdrawn:
 * matching then ends the partnership.
 */
@Injectable()
export class HoldService {
  private readonly logger = new Logger(HoldService.name);

  constructor(
    private readonly recorder: RequestRecorder,
    private readonly outbox: OutboxService,
  ) {}

  async hold(manager: EntityManager, event: EventEnvelope<'partnership.proposed'>): Promise<void> {
    const p = event.payload;
    const request = await this.lock(manager, p.requestId);
    if (await this.done(manager, p.requestId, p.id, ['held', 'hold-refused'])) return;
    const payload = { partnershipId: p.id, requestId: p.requestId };
    if (!request || request.status !== 'open') {
      const reason = request ? `request-${request.status}` : 'request-unknown';
      if (request) await this.recorder.note(manager, request, { action: 'hold-refused', actor: MATCHING, partnershipId: p.id, reason: `partnership ${p.id}: ${reason}` });
      await this.outbox.add(manager, { type: 'hold.refused', aggregateId: p.id, version: 1, payload: { ...payload, reason } });
      return this.logger.warn({ partnershipId: p.id, reason }, 'hold refused');
    }
    await this.recorder.note(manager, request, {
      action: 'held', actor: MATCHING, partnershipId: p.id, reason: `held for pending partnership ${p.id} (suggestion ${p.suggestionId})`,
    });
    await this.outbox.add(manager, { type: 'hold.made', aggregateId: p.id, version: 1, payload });
  }

  async agreed(manager: EntityManager, event: EventEnvelope<'partnership.agreed'>): Promise<void> {
    const p = event.payload;
    const request = await this.lock(manager, p.requestId);
    if (!request || (await this.done(manager, p.requestId, p.id, ['matched', 'partnership-ignored']))) return;
    const change = { actor: MATCHING, partnershipId: p.id };
    if (request.status !== 'open') {
      const reason = `partnership ${p.id} was agreed while the request was ${request.status}; nothing changed`;
      await this.recorder.note(manager, request, { ...change, action: 'partnership-ignored', reason });
      return this.logger.warn(reason);
    }
    const before = toSnapshot(request);
    Object.assign(request, { status: 'matched', version: request.version + 1, updatedAt: new Date() });
    await this.recorder.save(manager, before, request, { ...change, action: 'matched', reason: `partnership ${p.id} agreed by the country and every provider` });
  }

  async released(manager: EntityManager, event: EventEnvelope<'partnership.ended'>): Promise<void> {
    const p = event.payload;
    const request = await this.lock(manager, p.requestId);
    if (!request || !(await this.done(manager, p.requestId, p.id, ['held'])) || (await this.done(manager, p.requestId, p.id, ['released']))) return;
    await this.recorder.note(manager, request, {
      action: 'released', actor: MATCHING, partnershipId: p.id, reason: `partnership ${p.id} ended ${p.status}${p.reason ? ` (${p.reason})` : ''}`,
    });
  }

  private lock(manager: EntityManager, id: string): Promise<RequestEntity | null> {
    return manager.findOne(RequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private async done(manager: EntityManager, requestId: string, partnershipId: string, actions: HistoryAction[]): Promise<boolean> {
    const rows = (await manager
      .getRepository(RequestHistoryEntity)
      .createQueryBuilder('h')
      .where('h.request_id = :requestId AND h.partnership_id = :partnershipId AND h.action IN (:...actions)', { requestId, partnershipId, actions })
      .getCount());
    return rows > 0;
  }
}
