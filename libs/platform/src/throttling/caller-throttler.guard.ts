import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Request } from 'express';
import { TokenVerifier } from '../auth/token-verifier.service';
import { coreConfig } from '../config/core.config';

/**
 * One limit per caller across every route of the service and every instance (the counter lives
 * in Redis). The caller is the verified token subject, else the client address: an unverified
 * `sub` is never trusted, or anyone could spend someone else's budget.
 */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(coreConfig.KEY) private readonly cfg: ConfigType<typeof coreConfig>,
  ) {
    super(options, storage, reflector);
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
