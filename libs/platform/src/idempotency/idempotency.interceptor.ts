import { createHash } from 'node:crypto';
import {
  ConflictException,
  Injectable,
  UnprocessableEntityException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, of, type Observable } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import type { AuthUser } from '../auth/auth-user';
import { InvalidFieldsException } from '../http/invalid-fields.exception';
import { canonicalJson } from './canonical-json';
import { IDEMPOTENT, type IdempotentOptions } from './idempotent.decorator';
import { IdempotencyKeyTaken, idempotencyScope, type PendingKey } from './idempotency-scope';
import { IdempotencyService, type RecordedAnswer } from './idempotency.service';

const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
    throw new InvalidFieldsException(
      [{ field: 'Idempotency-Key', message: 'must be 1-255 printable ASCII characters' }],
      'Invalid Idempotency-Key header',
    );
  }
  return header;
}

/**
 * Whose key it is: the subject and the tenant claims it acts for. The same `sub` with another
 * `country` or `providerId` (a re-issued token) is another caller. At most 253 characters: the
 * role (11), a subject of at most 200, an ISO3 code and a UUID.
 */
export function callerOf(user: AuthUser | undefined, ip: string | undefined): string {
  if (!user) return `ip:${ip ?? 'unknown'}`;
  return [user.role, user.sub, user.country ?? '', user.providerId ?? ''].join('|');
}

/** Method, path and body as canonical JSON: key order does not matter, anything else does. */
export function fingerprintOf(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonicalJson(body ?? null)}`).digest('hex');
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const options = this.reflector.get<Required<IdempotentOptions> | undefined>(IDEMPOTENT, context.getHandler());
    if (context.getType() !== 'http' || !options) return next.handle();
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = parseIdempotencyKey(req.headers['idempotency-key']);
    if (key === undefined) return next.handle();
    const pending: PendingKey = {
      caller: callerOf(req.user, req.ip),
      key,
      fingerprint: fingerprintOf(req.method, req.path, req.body),
      recorded: false,
    };
    if (options.lookUpFirst) {
      const earlier = await this.store.find(pending.caller, key);
      if (earlier) return of(this.replay(earlier, pending, res));
    } else {
      await this.store.sweepSometimes();
    }

    // The handler runs inside the scope, so its transaction can record the answer (recordIn).
    return idempotencyScope.run(pending, () => next.handle()).pipe(
      mergeMap((body) =>
        from(pending.recorded ? Promise.resolve(body) : this.store.recordAfter(pending, res.statusCode, body).then(() => body)),
      ),
      catchError((error: unknown) => {
        if (!(error instanceof IdempotencyKeyTaken)) throw error;
        return from(this.store.find(pending.caller, key)).pipe(
          mergeMap((first) => {
            if (!first) throw new ConflictException('A call with this Idempotency-Key is being processed; retry');
            return of(this.replay(first, pending, res));
          }),
        );
      }),
    );
  }

  private replay(answer: RecordedAnswer, pending: PendingKey, res: Response): unknown {
    if (answer.fingerprint !== pending.fingerprint) {
      throw new UnprocessableEntityException('This Idempotency-Key was used with a different request body');
    }
    res.status(answer.statusCode);
    res.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }
}
