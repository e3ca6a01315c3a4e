import { randomUUID } from 'node:crypto';
import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AuthUser, IdempotencyService, type Page, paginate } from '@capmatch/platform';
import { originOf } from '@capmatch/taxonomy';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateProviderDto } from './create-provider.dto';
import type { ListProvidersDto } from './list-providers.dto';
import { ProviderEntity } from './provider.entity';
import { type ProviderResponseDto, toProviderResponse } from './provider-response.dto';

@Injectable()
export class ProvidersService {
  private readonly logger = new Logger(ProvidersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** Registers the provider and answers it as the API shows it, recording that answer with the row. */
  async create(dto: CreateProviderDto, user: AuthUser): Promise<ProviderResponseDto> {
    const now = new Date();
    const country = dto.country ?? null;
    const provider = this.dataSource.manager.create(ProviderEntity, {
      id: randomUUID(),
      name: dto.name,
      kind: dto.kind,
      country,
      origin: originOf({ kind: dto.kind, country }),
      createdBy: user.sub,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    const answer = toProviderResponse(provider);
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ProviderEntity, provider);
      await this.idempotency.recordIn(manager, answer);
    });
    this.logger.log({ providerId: provider.id, kind: provider.kind, origin: provider.origin }, 'provider registered');
    return answer;
  }

  async list(query: ListProvidersDto): Promise<Page<ProviderEntity>> {
    const qb = this.dataSource.manager.createQueryBuilder(ProviderEntity, 'p');
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.country) qb.andWhere('p.country = :country', { country: query.country });
    return paginate(qb, query, [
      { column: 'p.created_at', key: 'createdAt', direction: 'DESC' },
      { column: 'p.id', key: 'id', direction: 'ASC' },
    ]);
  }

  async get(id: string): Promise<ProviderEntity> {
    const found = await this.find(id);
    if (!found) throw new NotFoundException('Provider not found');
    return found;
  }

  /** The provider, or null when the id is not a UUID or names no provider. */
  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProviderEntity | null> {
    if (!isUUID(id)) return null;
    return manager.findOneBy(ProviderEntity, { id });
  }
}
