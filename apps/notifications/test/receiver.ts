import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The parsed body: { type, timestamp, data }. */
  json: { type: string; timestamp: string; data: Record<string, any> };
  /** What the receiver answered (null: it hung). */
  answered: number | null;
}

type Behaviour = { kind: 'ok' } | { kind: 'fail'; times: number; status: number } | { kind: 'hang' };

/**
 * A real HTTP webhook receiver on 127.0.0.1 for the tests: every path is a receiver of its
 * own (`url(path)`), answering 200 unless told to fail its first N requests or to hang (never
 * answer until released or closed).
 */
export class TestReceiver {
  readonly received: Received[] = [];
  private readonly behaviour = new Map<string, Behaviour>();
  private readonly hanging: ServerResponse[] = [];
  private server?: Server;
  private port = 0;

  static async start(): Promise<TestReceiver> {
    const receiver = new TestReceiver();
    await receiver.listen();
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  failFirst(path: string, times: number, status = 500): void {
    this.behaviour.set(path, { kind: 'fail', times, status });
  }

  hang(path: string): void {
    this.behaviour.set(path, { kind: 'hang' });
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Requests a hanging path holds open right now. */
  get openRequests(): number {
    return this.hanging.filter((res) => !res.writableEnded && !res.destroyed).length;
  }

  releaseHanging(status = 200): void {
    for (const res of this.hanging.splice(0)) if (!res.writableEnded && !res.destroyed) res.writeHead(status).end();
  }

  async close(): Promise<void> {
    this.hanging.splice(0).forEach((res) => res.destroy());
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }

  private listen(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    return new Promise((resolve) => {
      this.server!.listen(0, '127.0.0.1', () => {
        this.port = (this.server!.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const behaviour = this.behaviour.get(path) ?? { kind: 'ok' };
      let answered: number | null = 200;
      if (behaviour.kind === 'hang') answered = null;
      if (behaviour.kind === 'fail' && behaviour.times > 0) {
        behaviour.times -= 1;
        answered = behaviour.status;
      }
      this.received.push({ path, headers: req.headers, body, json: JSON.parse(body), answered });
      if (answered === null) this.hanging.push(res);
      else res.writeHead(answered).end();
    });
  }
}
