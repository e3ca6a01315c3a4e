import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { RequestContext } from '../bus/request-context';
import { bodyShapeProblems } from '../validation/body-shape';
import { InvalidFieldsException } from './invalid-fields.exception';
import { toProblem } from './problem.filter';
import { sendProblem } from './problem';

/** Body limit of the contract: larger bodies get 413. */
export const BODY_LIMIT = '256kb';
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

function requestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  (req as Request & { id: string }).id = id;
  res.setHeader('x-request-id', id);
  next();
}

/**
 * After the body parser on purpose: body-parser finishes in the socket's async context, which
 * would lose a context entered before it.
 */
function requestContext(req: Request, _res: Response, next: NextFunction): void {
  RequestContext.run({ requestId: String((req as Request & { id: string }).id) }, next);
}

/** Express-level errors (body parser: malformed JSON, body too large) become problem documents. */
function bodyErrors(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (!error) return next();
    const doc = toProblem(error, logger);
    doc.instance = `urn:request:${String((req as Request & { id: string }).id)}`;
    sendProblem(res, doc);
  };
}

/** Depth, width and prototype keys are judged on the parsed body before any validation work. */
function bodyShape(req: Request, _res: Response, next: NextFunction): void {
  const problems = bodyShapeProblems(req.body);
  if (problems.length === 0) return next();
  next(new InvalidFieldsException(problems, `The request body breaks a limit: ${problems[0].field} ${problems[0].message}`));
}

/** Everything that must run before Nest's own middleware and routes, in this order. */
export function installRequestPipeline(app: NestExpressApplication): void {
  const logger = new Logger('RequestPipeline');
  app.use(requestId);
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(bodyShape);
  app.use(bodyErrors(logger));
  app.use(requestContext);
}
