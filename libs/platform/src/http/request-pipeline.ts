import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { PARAMS_PROVIDER_TOKEN, type Params } from 'nestjs-pino';
import { isDraining } from '../app/graceful-shutdown';
import { RequestContext } from '../bus/request-context';
import { rootLoggerOf } from '../logging/logger-options';
import { logRequestDone, runWithRequestLogger, type LoggedRequest } from '../logging/request-log';
import { httpDuration, observeHttp } from '../metrics/http-metrics';
import { bodyShapeProblems } from '../validation/body-shape';
import { InvalidFieldsException } from './invalid-fields.exception';
import { jsonBodyReader } from './json-body';
import { toProblem } from './problem.filter';
import { sendProblem } from './problem';

const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

type PipelineRequest = Request & LoggedRequest;

/**
 * Everything that must run before Nest's own middleware and routes, as two Express layers
 * (each layer costs a pass of the router, and this runs on every call):
 *
 * 1. on arrival: the request id (`x-request-id`, kept when the client's is sane), `Connection:
 *    close` while draining, and one `close` listener that observes the duration histogram and
 *    writes the request's log line;
 * 2. the JSON body (`json-body.ts`); then depth, width and prototype keys are judged on the
 *    parsed body before any validation work, parser and shape errors are answered as problem
 *    documents, and the rest runs in the request's context (RequestContext, and the request's
 *    logger for Nest's Logger). The contexts are entered after the body on purpose: the body is
 *    complete in the socket's async context, which would lose a context entered before it.
 */
export function installRequestPipeline(app: NestExpressApplication): void {
  const logger = new Logger('RequestPipeline');
  const root = rootLoggerOf(app.get<Params>(PARAMS_PROVIDER_TOKEN));
  const histogram = httpDuration();
  const readBody = jsonBodyReader();

  app.use((req: PipelineRequest, res: Response, next: NextFunction) => {
    const startedMs = performance.now();
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader('x-request-id', id);
    if (isDraining(app)) {
      res.setHeader('Connection', 'close');
      res.shouldKeepAlive = false;
    }
    res.once('close', () => {
      if (res.writableFinished) observeHttp(histogram, req, res, startedMs);
      logRequestDone(root, req, res, startedMs);
    });
    next();
  });

  app.use((req: PipelineRequest, res: Response, next: NextFunction) => {
    readBody(req, res, (error?: unknown) => {
      if (!error) {
        const problems = bodyShapeProblems(req.body);
        if (problems.length > 0) {
          error = new InvalidFieldsException(problems, `The request body breaks a limit: ${problems[0].field} ${problems[0].message}`);
        }
      }
      if (error) {
        const doc = toProblem(error, logger);
        doc.instance = `urn:request:${req.id}`;
        return sendProblem(res, doc);
      }
      RequestContext.run({ requestId: req.id }, () => runWithRequestLogger(root, req, next));
    });
  });
}
