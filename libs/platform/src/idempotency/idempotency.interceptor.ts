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
import { IDEMPOTENT } from './idempotent.decorator';
import { IdempotencyService } from './idempotency.service';

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

/** Body fingerprint: path and body, so a key reused for something else is caught (422). */
function fingerprint(req: Request): string {
  return createHash('sha256').update(`${req.method} ${req.path}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http' || !this.reflector.get<boolean>(IDEMPOTENT, context.getHandler())) {
      return next.handle();
    }
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = parseIdempotencyKey(req.headers['idempotency-key']);
    if (key === undefined) return next.handle();
    const caller = req.user?.sub ?? `ip:${req.ip}`;

    const claim = await this.store.claim(caller, key, fingerprint(req));
    if (claim.kind === 'in-progress') {
      throw new ConflictException('A request with this Idempotency-Key is still being processed; retry later');
    }
    if (claim.kind === 'mismatch') {
      throw new UnprocessableEntityException('This Idempotency-Key was used with a different request body');
    }
    if (claim.kind === 'replay') {
      res.status(claim.statusCode);
      res.setHeader('Idempotent-Replayed', 'true');
      return of(claim.body);
    }
    return next.handle().pipe(
      mergeMap((body) => from(this.store.complete(caller, key, res.statusCode, body).then(() => body))),
      catchError((error: unknown) => from(this.store.release(caller, key).then(() => Promise.reject(error)))),
    );
  }
}
