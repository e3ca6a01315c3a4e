import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/**
 * A dedicated connection LISTENing for projection writes of any instance (a pooled connection
 * would lose the subscription). Losing it only costs freshness: matching always syncs under its
 * locks before it reads the index, so this is an optimisation, never a correctness need.
 */
export class ProjectionListener {
  private readonly logger = new Logger(ProjectionListener.name);
  private client?: Client;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly onNotify: () => void,
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.connectionString, application_name: 'capmatch-matching-listener' });
    client.on('notification', () => this.onNotify());
    client.on('error', (error) => this.lost(client, error));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      if (this.stopped) return void (await client.end());
      this.client = client;
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private lost(client: Client, error: Error): void {
    if (this.stopped || this.retry) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.logger.warn(`Projection listener: ${error.message}; reconnecting`);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, 2000);
  }
}
