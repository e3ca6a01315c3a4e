// A small HTTP client for the public API of the three services, shared by the demo and the
// pipeline benchmark. It speaks only the contract: JSON under /v1, bearer tokens, problem
// documents, Idempotency-Key on creates, Retry-After on 429.

export type ServiceName = 'requests' | 'offers' | 'matching';
export type ServiceUrls = Record<ServiceName, string>;

export interface CallOptions {
  token?: string;
  body?: unknown;
  idempotencyKey?: string;
  /** Retries on 429 (honouring Retry-After) before giving up; default 5. */
  retries429?: number;
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A service could not be reached at all (connection refused, unknown host, timeout). */
export class ServiceUnreachableError extends Error {
  constructor(
    readonly service: ServiceName,
    readonly url: string,
    cause: unknown,
  ) {
    super(`${service} service is not reachable at ${url} (${describeCause(cause)})`);
    this.name = 'ServiceUnreachableError';
  }
}

/** A call answered with an unexpected status. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${summarise(body)}`);
    this.name = 'ApiError';
  }
}

function describeCause(cause: unknown): string {
  const err = cause as { cause?: { code?: string; message?: string }; message?: string };
  return err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(cause);
}

function summarise(body: unknown): string {
  if (body && typeof body === 'object') {
    const p = body as { detail?: string; title?: string; errors?: Array<{ field: string; message: string }> };
    const fields = p.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
    return [p.title, p.detail, fields].filter(Boolean).join(' - ') || JSON.stringify(body).slice(0, 300);
  }
  return String(body).slice(0, 300);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function serviceUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceUrls {
  const strip = (u: string) => u.replace(/\/+$/, '');
  return {
    requests: strip(env.REQUESTS_URL || 'http://127.0.0.1:3001'),
    offers: strip(env.OFFERS_URL || 'http://127.0.0.1:3002'),
    matching: strip(env.MATCHING_URL || 'http://127.0.0.1:3003'),
  };
}

export class CapmatchClient {
  constructor(readonly urls: ServiceUrls) {}

  async call<T = unknown>(service: ServiceName, method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse<T>> {
    const url = `${this.urls[service]}${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(url, { method, headers, body: payload, signal: AbortSignal.timeout(30_000) });
      } catch (cause) {
        throw new ServiceUnreachableError(service, this.urls[service], cause);
      }
      const text = await res.text();
      if (res.status === 429 && attempt < (opts.retries429 ?? 5)) {
        const wait = Number(res.headers.get('retry-after') ?? '1');
        await sleep(Math.min(60, Number.isFinite(wait) && wait > 0 ? wait : 1) * 1000);
        continue;
      }
      let body: unknown = text;
      if (text.length > 0 && /json/.test(res.headers.get('content-type') ?? '')) body = JSON.parse(text);
      return { status: res.status, body: body as T, headers: res.headers };
    }
  }

  /** Like call, but throws ApiError unless the status is one of `expected`. */
  async expect<T = unknown>(
    expected: number | number[],
    service: ServiceName,
    method: string,
    path: string,
    opts: CallOptions = {},
  ): Promise<T> {
    const res = await this.call<T>(service, method, path, opts);
    const ok = Array.isArray(expected) ? expected.includes(res.status) : res.status === expected;
    if (!ok) throw new ApiError(method, path, res.status, res.body);
    return res.body;
  }

  /** Throws ServiceUnreachableError naming the first service that does not answer /health/ready. */
  async assertReady(): Promise<void> {
    for (const service of Object.keys(this.urls) as ServiceName[]) {
      const res = await this.call(service, 'GET', '/health/ready');
      if (res.status !== 200) {
        throw new ServiceUnreachableError(service, this.urls[service], new Error(`/health/ready answered ${res.status}`));
      }
    }
  }
}
