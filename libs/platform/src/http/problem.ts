import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import type { FieldError } from './invalid-fields.exception';
import { RETRY_AFTER_SECONDS } from './unavailable';

/** RFC 9457 problem document, the body of every error answer. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  /** Extension members (RFC 9457 §3.2), e.g. `checks` of a failing readiness probe. */
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://capmatch.dev/problems/';

/** `type` is a stable URI per status ('https://capmatch.dev/problems/not-found'), documented in OpenAPI. */
export function problem(status: number, detail: string, extra: Partial<ProblemDocument> = {}): ProblemDocument {
  const title = STATUS_CODES[status] ?? 'Error';
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return { type: `${TYPE_BASE}${slug}`, title, status, detail, ...extra };
}

export function sendProblem(res: Response, doc: ProblemDocument): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (doc.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  if (doc.status === 503 && !res.getHeader('Retry-After')) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.status(doc.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(doc));
}
