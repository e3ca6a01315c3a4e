import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';

/** Connection settings of a TypeORM postgres DataSource, for a client outside its pool. */
export function clientConfigOf(dataSource: DataSource): ClientConfig {
  const o = dataSource.options as {
    url?: string; host?: string; port?: number; username?: string; password?: string; database?: string;
  };
  if (o.url) return { connectionString: o.url, database: o.database };
  return { host: o.host, port: o.port, user: o.username, password: o.password, database: o.database };
}

/**
 * A dedicated connection that LISTENs on one channel (a pooled connection cannot: it would
 * lose the subscription when returned). It reconnects after a failure and calls `onNotify` once
 * after every (re)connect, since notifications sent meanwhile are gone; callers must treat a
 * notification as a hint (the relay polls, matching syncs under its locks), never as the data.
 */
export class PgListener {
  private readonly logger = new Logger(PgListener.name);
  private client?: Client;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onNotify: () => void,
    /** Shown as the connection's application_name and in log lines. */
    private readonly name = 'capmatch-outbox-listener',
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect(1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(delay: number): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ ...this.config, application_name: this.name });
    client.on('notification', () => this.onNotify());
    client.on('error', (error) => this.lost(client, error, delay));
    client.on('end', () => this.lost(client, new Error('connection ended'), delay));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      if (this.stopped) return void (await client.end());
      this.client = client;
      // Events committed while we were not listening are picked up by this extra pass.
      this.onNotify();
    } catch (error) {
      this.lost(client, error as Error, delay);
    }
  }

  private lost(client: Client, error: Error, delay: number): void {
    if (this.stopped || (this.client && this.client !== client)) return;
    if (this.retry) return;
    this.client = undefined;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    this.logger.warn(`${this.name} on ${this.channel}: ${error.message}; reconnecting in ${delay} ms`);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect(Math.min(delay * 2, 30_000));
    }, delay);
  }
}
