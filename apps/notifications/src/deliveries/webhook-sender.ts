import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from '../webhooks/receiver-policy';

export interface SendResult {
  /** The receiver's status code, or null when there was no answer. */
  statusCode: number | null;
  /** Why it failed without an answer (timeout, connection refused, …), else null. */
  error: string | null;
  durationMs: number;
}

/** How much of a receiver's answer is read; the rest is discarded (only the status matters). */
const MAX_ANSWER_BYTES = 64 * 1024;

/** A lookup that always answers the address the policy already checked: no second resolution. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [pinned]);
    } else {
      callback(null, pinned.address, pinned.family);
    }
  };
}

/**
 * One POST to a receiver, connected to `address` (already checked), bounded by `timeoutMs` as
 * a whole: connecting, sending and reading the answer. Never throws; redirects are
 * not followed (a 3xx is a failed attempt, like any non-2xx).
 */
export function sendWebhook(
  url: URL,
  address: ResolvedAddress,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ statusCode, error, durationMs: elapsed() });
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        lookup: pinnedLookup(address),
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'capmatch-webhooks/1',
        },
        agent: false, // one connection per attempt: a slow receiver's sockets are never shared
      },
      (res: IncomingMessage) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) res.destroy();
        });
        res.on('end', () => finish(res.statusCode ?? null, null));
        res.on('close', () => finish(res.statusCode ?? null, null));
        res.on('error', () => finish(res.statusCode ?? null, null));
      },
    );
    const timer = setTimeout(() => {
      finish(null, `timed out after ${timeoutMs} ms`);
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish(null, error.code ? `${error.code}: ${error.message}` : error.message));
    req.end(body);
  });
}
