import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { InvalidFieldsException, paginate, type AuthUser, type Page } from '@capmatch/platform';
import { DeliveryAttemptEntity } from '../deliveries/delivery-attempt.entity';
import { notificationsConfig } from '../notifications.config';
import { ReceiverPolicy, RefusedReceiver } from './receiver-policy';
import { newSecret, SecretBox } from './secret-box';
import type { CreateWebhookDto, DeliveryAttemptDto, ListDeliveriesQuery, UpdateWebhookDto, WebhookCreatedDto, WebhookDto } from './webhook.dto';
import { WebhookEntity } from './webhook.entity';
import { toAttemptView, toWebhookView } from './webhook.mapper';

/** Registration, listing, changes and removal of webhooks; every lookup is limited to what the caller may manage. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: ReceiverPolicy,
    private readonly secrets: SecretBox,
    @Inject(notificationsConfig.KEY) private readonly cfg: ConfigType<typeof notificationsConfig>,
  ) {}

  async create(user: AuthUser, body: CreateWebhookDto): Promise<WebhookCreatedDto> {
    const url = await this.checkedUrl(body.url);
    const secret = newSecret();
    const view = await this.dataSource.transaction(async (manager) => {
      // Serialises one owner's registrations, so the limit holds under concurrent calls.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('notifications.webhooks:' || $1))`, [user.sub]);
      const owned = await manager.count(WebhookEntity, { where: { ownerSub: user.sub } });
      if (owned >= this.cfg.WEBHOOK_MAX_PER_OWNER) {
        throw new ConflictException(`At most ${this.cfg.WEBHOOK_MAX_PER_OWNER} webhooks per user; delete one first`);
      }
      const now = new Date();
      const entity = manager.create(WebhookEntity, {
        id: randomUUID(),
        ownerSub: user.sub,
        ownerRole: user.role,
        ownerCountry: user.role === 'country' ? (user.country ?? null) : null,
        ownerProviderId: user.role === 'donor' ? (user.providerId ?? null) : null,
        url,
        events: [...body.events],
        description: body.description ?? null,
        secret: this.secrets.seal(secret),
        enabled: true,
        failingSince: null,
        disabledAt: null,
        disabledReason: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      await manager.insert(WebhookEntity, entity);
      return toWebhookView(entity);
    });
    return { ...view, secret };
  }

  async list(user: AuthUser, page: { limit: number; cursor?: string }): Promise<Page<WebhookDto>> {
    const qb = this.manageable(this.dataSource.manager, user);
    const found = await paginate(qb, page, [
      { column: 'w.created_at', key: 'createdAt', direction: 'DESC' },
      { column: 'w.id', key: 'id', direction: 'ASC' },
    ]);
    return { items: found.items.map(toWebhookView), nextCursor: found.nextCursor };
  }

  async get(user: AuthUser, id: string): Promise<WebhookDto> {
    return toWebhookView(await this.find(this.dataSource.manager, user, id));
  }

  async update(user: AuthUser, id: string, body: UpdateWebhookDto, ifMatch: number | undefined): Promise<WebhookDto> {
    const url = body.url === undefined ? undefined : await this.checkedUrl(body.url);
    return this.dataSource.transaction(async (manager) => {
      const hook = await this.find(manager, user, id, true);
      if (ifMatch !== undefined && ifMatch !== hook.version) {
        throw new ConflictException(`Webhook is at version ${hook.version}, not ${ifMatch}`);
      }
      const before = JSON.stringify(toWebhookView(hook));
      if (url !== undefined) hook.url = url;
      if (body.events !== undefined) hook.events = [...body.events];
      if (body.description !== undefined) hook.description = body.description ?? null;
      if (body.enabled === true && !hook.enabled) {
        hook.enabled = true;
        hook.failingSince = null;
        hook.disabledAt = null;
        hook.disabledReason = null;
      }
      if (body.enabled === false && hook.enabled) {
        hook.enabled = false;
        hook.disabledAt = new Date();
        hook.disabledReason = `paused by ${user.sub}`;
      }
      if (JSON.stringify(toWebhookView(hook)) === before) return toWebhookView(hook);
      hook.version += 1;
      hook.updatedAt = new Date();
      const { secret: _unchanged, ...changes } = hook;
      await manager.update(WebhookEntity, { id }, changes);
      return toWebhookView(hook);
    });
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.find(manager, user, id, true);
      await manager.delete(WebhookEntity, { id });
    });
  }

  async attempts(user: AuthUser, id: string, q: ListDeliveriesQuery): Promise<Page<DeliveryAttemptDto>> {
    await this.find(this.dataSource.manager, user, id);
    const qb = this.dataSource.getRepository(DeliveryAttemptEntity).createQueryBuilder('a').where('a.webhook_id = :id', { id });
    if (q.eventId) qb.andWhere('a.event_id = :eventId', { eventId: q.eventId });
    const found = await paginate(qb, q, [
      { column: 'a.started_at', key: 'at', direction: 'DESC' },
      { column: 'a.id', key: 'id', direction: 'DESC' },
    ]);
    return { items: found.items.map(toAttemptView), nextCursor: found.nextCursor };
  }

  /** The URL as stored, after the policy's checks; 400 naming `url` when refused. */
  private async checkedUrl(raw: string): Promise<string> {
    try {
      const url = this.policy.parse(raw);
      await this.policy.resolve(url);
      return url.toString();
    } catch (error) {
      if (error instanceof RefusedReceiver) {
        throw new InvalidFieldsException([{ field: 'url', message: `url ${error.message}` }], 'The webhook URL is not allowed');
      }
      throw error;
    }
  }

  /** A webhook the caller may manage (its own; an admin's: any), else 404 without saying whether it exists. */
  private async find(manager: EntityManager, user: AuthUser, id: string, lock = false): Promise<WebhookEntity> {
    const qb = this.manageable(manager, user).andWhere('w.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const hook = await qb.getOne();
    if (!hook) throw new NotFoundException('Webhook not found');
    return hook;
  }

  private manageable(manager: EntityManager, user: AuthUser): SelectQueryBuilder<WebhookEntity> {
    const qb = manager.getRepository(WebhookEntity).createQueryBuilder('w');
    return user.role === 'admin' ? qb.where('true') : qb.where('w.owner_sub = :sub', { sub: user.sub });
  }
}
