import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestSnapshot } from '@capmatch/contracts';
import { InvalidFieldsException, isCalendarDate, type AuthUser } from '@capmatch/platform';
import { COOPERATION_TYPES, classificationOn } from '@capmatch/taxonomy';
import type { CreateRequestDto } from './create-request.dto';
import { mayManage } from './request-access';
import { RequestRecorder } from './request-recorder.service';
import { RequestEntity } from './request.entity';
import { toSnapshot } from './request.mapper';
import { countryRefusal } from './request-country';
import { requestsConfig } from '../requests.config';
import type { UpdateRequestDto } from './update-request.dto';

/** An empty list of accepted cooperation types would make a request unmatchable: it means all. */
function cooperationTypesOf(values: string[] | undefined): RequestEntity['cooperationTypes'] {
  return values && values.length > 0 ? (values as RequestEntity['cooperationTypes']) : [...COOPERATION_TYPES];
}

/** Body fields copied as they are onto the row (window is merged separately). */
const PATCHABLE = [
  'title',
  'description',
  'language',
  'capacityAreas',
  'modalities',
  'sdgs',
  'targetGroups',
  'deliveryLanguages',
  'budgetUsd',
  'nationalStrategyRef',
  'priority',
] as const satisfies readonly (keyof UpdateRequestDto & keyof RequestEntity)[];

/** Creating, changing and withdrawing requests; every change is audited and published. */
@Injectable()
export class RequestsService {
  private readonly logger = new Logger(RequestsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly recorder: RequestRecorder,
    @Inject(requestsConfig.KEY) private readonly cfg: ConfigType<typeof requestsConfig>,
  ) {}

  async create(user: AuthUser, dto: CreateRequestDto): Promise<RequestSnapshot> {
    const country = this.countryFor(user, dto.country);
    const now = new Date();
    const classification = classificationOn(country, now, this.cfg.LDC_SMOOTH_TRANSITION_YEARS);
    if (!classification) throw new InvalidFieldsException([{ field: 'country', message: `country ${country} is not in the country dataset` }]);
    const entity = Object.assign(new RequestEntity(), {
      id: randomUUID(),
      country,
      title: dto.title,
      description: dto.description,
      language: dto.language,
      capacityAreas: dto.capacityAreas,
      modalities: dto.modalities,
      sdgs: [...(dto.sdgs ?? [])].sort((a, b) => a - b),
      targetGroups: dto.targetGroups ?? [],
      deliveryLanguages: dto.deliveryLanguages,
      cooperationTypes: cooperationTypesOf(dto.cooperationTypes),
      budgetUsd: dto.budgetUsd ?? null,
      windowStart: dto.window.start,
      windowEnd: dto.window.end,
      nationalStrategyRef: dto.nationalStrategyRef ?? null,
      priority: dto.priority ?? 'medium',
      status: 'open',
      classification,
      createdBy: user.sub,
      createdAt: now,
      updatedAt: now,
      version: 1,
    } satisfies RequestEntity);
    // Row, history, event and the Idempotency-Key's answer: one statement, so all or none commit.
    const snapshot = await this.recorder.create(entity, { action: 'submitted', actor: user });
    this.logger.log(`request ${snapshot.id} submitted for ${country} by ${user.role} ${user.sub}`);
    return snapshot;
  }

  async update(user: AuthUser, id: string, dto: UpdateRequestDto, ifMatch: number | undefined): Promise<RequestSnapshot> {
    return this.dataSource.transaction(async (m) => {
      const request = await this.lockManaged(m, user, id, ifMatch);
      const before = toSnapshot(request);
      const start = dto.window?.start ?? request.windowStart;
      const end = dto.window?.end ?? request.windowEnd;
      if (isCalendarDate(start) && isCalendarDate(end) && start > end) {
        throw new InvalidFieldsException([{ field: 'window.end', message: `window.end ${end} is before window.start ${start}` }]);
      }
      for (const field of PATCHABLE) {
        if (dto[field] !== undefined) Object.assign(request, { [field]: dto[field] });
      }
      Object.assign(request, { windowStart: start, windowEnd: end });
      if (dto.sdgs) request.sdgs = [...dto.sdgs].sort((a, b) => a - b);
      if (dto.cooperationTypes) request.cooperationTypes = cooperationTypesOf(dto.cooperationTypes);
      if (JSON.stringify({ ...toSnapshot(request), updatedAt: before.updatedAt }) === JSON.stringify(before)) {
        return before; // nothing really changed: no new version, no event
      }
      request.version += 1;
      request.updatedAt = new Date();
      return this.recorder.save(m, before, request, { action: 'updated', actor: user });
    });
  }

  async withdraw(user: AuthUser, id: string, reason: string | undefined, ifMatch: number | undefined): Promise<RequestSnapshot> {
    const snapshot = await this.dataSource.transaction(async (m) => {
      const request = await this.lockManaged(m, user, id, ifMatch);
      const before = toSnapshot(request);
      Object.assign(request, { status: 'withdrawn', version: request.version + 1, updatedAt: new Date() });
      return this.recorder.save(m, before, request, { action: 'withdrawn', actor: user, reason: reason ?? null });
    });
    this.logger.log(`request ${id} withdrawn by ${user.role} ${user.sub}`);
    return snapshot;
  }

  /** The request, locked for this transaction, if the caller may manage it and it may change. */
  private async lockManaged(m: EntityManager, user: AuthUser, id: string, ifMatch: number | undefined): Promise<RequestEntity> {
    const request = await m.findOne(RequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!request || !mayManage(user, request)) throw new NotFoundException(`Request ${id} not found`);
    if (ifMatch !== undefined && ifMatch !== request.version) {
      throw new ConflictException(`Request ${id} is at version ${request.version}, not ${ifMatch}`);
    }
    if (request.status !== 'open') throw new ConflictException(`Request ${id} is ${request.status}; only open requests change`);
    return request;
  }

  /** The requesting country: the token's for a country focal point, the body's for the others. */
  private countryFor(user: AuthUser, requested: string | undefined): string {
    if (user.role === 'country') {
      if (requested !== undefined) {
        throw new InvalidFieldsException([{ field: 'country', message: 'country comes from your token; a country focal point may not send it' }]);
      }
      const refusal = countryRefusal(user.country);
      if (refusal) throw new InvalidFieldsException([{ field: 'country', message: refusal }], refusal);
      return user.country as string;
    }
    if (requested === undefined) {
      throw new InvalidFieldsException([{ field: 'country', message: 'country is required when a coordinator or admin submits a request' }]);
    }
    return requested;
  }
}
