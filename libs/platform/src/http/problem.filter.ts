import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { InvalidFieldsException } from './invalid-fields.exception';
import { problem, sendProblem, type ProblemDocument } from './problem';
import { isUnavailable } from './unavailable';

/** What body-parser and friends throw: an http-errors object with a status. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

const GENERIC_500 = 'An unexpected error occurred; it has been logged';

/** Maps anything thrown to a problem document; never leaks internals of an unexpected error. */
export function toProblem(error: unknown, logger: Logger): ProblemDocument {
  if (error instanceof InvalidFieldsException) {
    return problem(400, String((error.getResponse() as { message?: unknown }).message ?? error.message), {
      errors: error.errors,
    });
  }
  if (error instanceof ThrottlerException) return problem(429, 'Rate limit exceeded; retry after the time in Retry-After');
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : error.message;
    if (status >= 500 && status !== 503) logger.error(error.stack ?? error.message);
    // Terminus answers 503 with the state of each check: keep it, operators need it.
    const checks = typeof body === 'object' && body !== null && 'details' in body ? { checks: (body as { details: unknown }).details } : {};
    return { ...problem(status, detail ?? 'Error'), ...checks };
  }
  if (isUnavailable(error)) {
    logger.warn(`Unavailable: ${(error as Error)?.message ?? String(error)}`);
    return problem(503, 'A database or queue this call needs is unavailable; retry after the time in Retry-After');
  }
  // Postgres refusing a value the client sent (class 22, e.g. an id that is not a UUID) or a
  // duplicate of a unique key (23505) is the client's doing: never answer those with a 5xx.
  if (error instanceof QueryFailedError) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (code.startsWith('22')) return problem(400, 'A value in the request is not valid for its field');
    if (code === '23505') return problem(409, 'An object with the same unique values already exists');
  }
  const e = (error ?? {}) as HttpishError;
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (e.type === 'entity.too.large') return problem(413, 'The request body is larger than 256 KiB');
    if (e.type === 'entity.parse.failed') {
      return problem(400, 'The request body is not valid JSON', { errors: [{ field: 'body', message: 'malformed JSON' }] });
    }
    return problem(status, e.expose && e.message ? e.message : 'The request could not be processed');
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : `Non-error thrown: ${String(error)}`);
  return problem(500, GENERIC_500);
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const doc = toProblem(error, this.logger);
    if (req?.id !== undefined) doc.instance = `urn:request:${String(req.id)}`;
    sendProblem(ctx.getResponse<Response>(), doc);
  }
}
