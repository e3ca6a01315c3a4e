import { HttpException, HttpStatus, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { solveInWorker } from '@capmatch/engine/allocation';
import type { AuthUser } from '@capmatch/platform';
import { matchingConfig } from '../matching.config';
import { AcceptService } from '../partnerships/accept.service';
import { tableNamer } from '../store/schema';
import { readAllocationInput } from './allocation-input';
import { AllocationPlanEntity } from './allocation-plan.entity';
import type { CreateAllocationDto } from './create-allocation.dto';

export interface AllocationPlanView extends Omit<AllocationPlanEntity, 'requestIds' | 'minScore' | 'createdBy' | 'createdAt'> {
  createdAt: string;
}

export interface ApplyResult {
  accepted: string[];
  skipped: Array<{ suggestionId: string; reason: string }>;
}

/** Answers accept gives for a suggestion that no longer fits: the plan skips it and goes on. */
const NO_LONGER_FITS = new Set<number>([HttpStatus.CONFLICT, HttpStatus.NOT_FOUND]);

/**
 * Computes plans off the event loop (a worker thread per solve, one solve at a time per
 * instance so a burst of plans does not starve the process of its two cores) and applies them
 * through accept itself, so a plan's partnerships take exactly the path a coordinator's do
 * (pending, then the saga).
 */
@Injectable()
export class AllocationsService {
  private readonly logger = new Logger(AllocationsService.name);
  private solving: Promise<unknown> = Promise.resolve();
  private readonly table: (name: string) => string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly accepts: AcceptService,
    @Inject(matchingConfig.KEY) private readonly cfg: ConfigType<typeof matchingConfig>,
  ) {
    this.table = tableNamer(dataSource);
  }

  async create(user: AuthUser, body: CreateAllocationDto): Promise<AllocationPlanView> {
    const objective = body.objective ?? 'fair';
    const requestIds = body.requestIds ?? null;
    const input = await this.dataSource.transaction('REPEATABLE READ', (m) => readAllocationInput(m, this.table, requestIds, body.minScore));
    const turn = this.solving.then(() => solveInWorker(input, { objective, timeLimitMs: this.cfg.ALLOCATION_TIME_LIMIT_MS }));
    this.solving = turn.catch(() => undefined);
    const plan = await turn;
    const planned = new Set(input.requests.map((r) => r.id));
    const notOpen = (requestIds ?? []).filter((id) => !planned.has(id)).map((requestId) => ({ requestId, reason: 'not-open' }));
    const row: AllocationPlanEntity = {
      id: randomUUID(), objective, requestIds, minScore: body.minScore ?? null, items: plan.items,
      unassigned: [...plan.unassigned, ...notOpen], stats: plan.stats, optimal: plan.optimal, solveMs: plan.solveMs,
      createdBy: user.sub, createdAt: new Date(),
    };
    await this.dataSource.getRepository(AllocationPlanEntity).insert(row);
    this.logger.log({ plan: row.id, objective, served: plan.stats.served, optimal: plan.optimal, solveMs: plan.solveMs }, 'allocation plan computed');
    return toView(row);
  }

  async get(id: string): Promise<AllocationPlanView> {
    return toView(await this.find(id));
  }

  /** Accepts the plan's suggestions best first; each that accept now refuses (409, 404) is skipped with accept's reason. */
  async apply(user: AuthUser, id: string): Promise<ApplyResult> {
    const plan = await this.find(id);
    const result: ApplyResult = { accepted: [], skipped: [] };
    for (const item of plan.items) {
      try {
        result.accepted.push((await this.accepts.accept(user, item.suggestionId)).id);
      } catch (error) {
        if (!(error instanceof HttpException) || !NO_LONGER_FITS.has(error.getStatus())) throw error;
        result.skipped.push({ suggestionId: item.suggestionId, reason: error.message });
      }
    }
    return result;
  }

  private async find(id: string): Promise<AllocationPlanEntity> {
    const row = await this.dataSource.getRepository(AllocationPlanEntity).findOneBy({ id });
    if (!row) throw new NotFoundException('Allocation plan not found');
    return row;
  }
}

function toView(row: AllocationPlanEntity): AllocationPlanView {
  const { id, objective, items, unassigned, stats, optimal, solveMs } = row;
  return { id, objective, items, unassigned, stats, optimal, solveMs, createdAt: row.createdAt.toISOString() };
}
