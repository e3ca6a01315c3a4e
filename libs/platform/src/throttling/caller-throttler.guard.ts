import { Inject, Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerException,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
// The library's own metadata keys (not re-exported from its index): a renamed key then fails
// loudly at start-up instead of silently dropping a route's own limits.
import {
  THROTTLER_BLOCK_DURATION,
  THROTTLER_KEY_GENERATOR,
  THROTTLER_LIMIT,
  THROTTLER_SKIP,
  THROTTLER_TRACKER,
  THROTTLER_TTL,
} from '@nestjs/throttler/dist/throttler.constants';
import type { Request } from 'express';
import type Redis from 'ioredis';
import { TokenVerifier } from '../auth/token-verifier.service';
import { coreConfig } from '../config/core.config';
import { PLATFORM_REDIS, SERVICE_NAME } from '../platform.constants';
import { limiterBypasses } from './limiter-metrics';

/** At most one warning per this many ms while Redis is away: every request would log otherwise. */
const WARN_EVERY_MS = 10_000;

/** What ThrottlerGuard.canActivate reads from route metadata for one named throttler. */
type Plan = Omit<ThrottlerRequest, 'context'> & { skip: boolean };

/**
 * One limit per caller across every route of the service and every instance (the counter lives
 * in Redis). The caller is the verified token subject, else the client address: an unverified
 * `sub` is never trusted, or anyone could spend someone else's budget.
 *
 * Fails open: while Redis is away, calls go through unlimited (counted on /metrics as
 * capmatch_rate_limiter_bypassed_total and logged), so an endpoint that needs no Redis keeps
 * answering and a call without a token still gets its 401.
 */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(coreConfig.KEY) private readonly cfg: ConfigType<typeof coreConfig>,
    @Inject(PLATFORM_REDIS) private readonly redis: Redis,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {
    super(options, storage, reflector);
  }

  private readonly log = new Logger(CallerThrottlerGuard.name);
  private readonly bypassed = limiterBypasses();
  private lastWarning = 0;
  /** Per handler and controller: the plans, or null when a value is a function of the call. */
  private readonly plans = new WeakMap<object, Map<object, Plan[] | null>>();

  /**
   * ThrottlerGuard.canActivate, with what it reads from route metadata (six reflector look-ups
   * per throttler, and three awaited resolutions) worked out once per route: the metadata of a
   * route never changes. A limit, TTL or block duration given as a function of the call is
   * resolved per call by the library as before.
   */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const handler = context.getHandler();
    const classRef = context.getClass();
    let byClass = this.plans.get(handler);
    if (!byClass) this.plans.set(handler, (byClass = new Map()));
    let plans = byClass.get(classRef);
    if (plans === undefined) byClass.set(classRef, (plans = this.planFor(handler, classRef)));
    if (plans === null) return super.canActivate(context);
    let allowed = true;
    for (const { skip, ...plan } of plans) {
      const skipIf = plan.throttler.skipIf ?? this.commonOptions.skipIf;
      if (skip || skipIf?.(context)) continue;
      if (!(await this.handleRequest({ context, ...plan }))) allowed = false;
    }
    return allowed;
  }

  private planFor(handler: object, classRef: object): Plan[] | null {
    const targets = [handler, classRef] as Array<() => void>;
    const meta = <T>(key: string, name: string | undefined) => this.reflector.getAllAndOverride<T | undefined>(`${key}${name}`, targets);
    const plans: Plan[] = [];
    for (const throttler of this.throttlers as ThrottlerOptions[]) {
      const limit = meta<unknown>(THROTTLER_LIMIT, throttler.name) ?? throttler.limit;
      const ttl = meta<unknown>(THROTTLER_TTL, throttler.name) ?? throttler.ttl;
      const blockDuration = meta<unknown>(THROTTLER_BLOCK_DURATION, throttler.name) ?? throttler.blockDuration ?? ttl;
      if (![limit, ttl, blockDuration].every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
      plans.push({
        skip: Boolean(meta<boolean>(THROTTLER_SKIP, throttler.name)),
        throttler,
        limit: limit as number,
        ttl: ttl as number,
        blockDuration: blockDuration as number,
        getTracker: meta(THROTTLER_TRACKER, throttler.name) ?? throttler.getTracker ?? this.commonOptions.getTracker!,
        generateKey: meta(THROTTLER_KEY_GENERATOR, throttler.name) ?? throttler.generateKey ?? this.commonOptions.generateKey!,
      });
    }
    return plans;
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    // Not connected: do not queue the counter behind reconnect attempts, let the call through now.
    if (this.redis.status !== 'ready') return this.failOpen(`Redis is ${this.redis.status}`);
    try {
      return await super.handleRequest(request);
    } catch (error) {
      if (error instanceof ThrottlerException) throw error;
      return this.failOpen((error as Error).message);
    }
  }

  private failOpen(reason: string): boolean {
    this.bypassed.inc({ service: this.service });
    const now = Date.now();
    if (now - this.lastWarning > WARN_EVERY_MS) {
      this.lastWarning = now;
      this.log.warn(`Rate limiter unavailable (${reason}): letting calls through unlimited`);
    }
    return true;
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as Request;
    const auth = await this.verifier.authenticate(request);
    return auth.kind === 'valid' ? `sub:${auth.user.sub}` : `ip:${request.ip ?? 'unknown'}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${this.cfg.QUEUE_PREFIX}:throttle:${name}:${tracker}`;
  }
}
