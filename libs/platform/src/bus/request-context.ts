import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextData {
  /** The x-request-id of the HTTP call, or the correlationId of the event being handled. */
  requestId?: string;
  /** The id of the event being handled: events its handler writes name it as their `causationId`. */
  causationId?: string;
  /** The token subject of the caller, when there is one. */
  actor?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/**
 * Who and what caused the code that is running now. The HTTP layer sets it per request, the
 * event worker per job (from the event's correlationId), so an event written by a handler
 * carries the same correlationId as the one that triggered it and one user action can be
 * followed across services in the logs.
 */
export class RequestContext {
  static run<T>(context: RequestContextData, fn: () => T): T {
    return storage.run(context, fn);
  }

  static current(): RequestContextData | undefined {
    return storage.getStore();
  }
}
