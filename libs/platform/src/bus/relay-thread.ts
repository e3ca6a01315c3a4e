import { Logger, type LogLevel } from '@nestjs/common';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { QueueCounts, RelayOutcome } from './relay-core';
import type { RelayHandle, RelaySettings } from './relay-runtime';

export type ToRelayThread = { kind: 'wake' } | { kind: 'pass' | 'counts'; id: number } | { kind: 'stop' };

export type FromRelayThread =
  | { kind: 'ready' }
  | { kind: 'stopped' }
  | { kind: 'published'; queue: string; count: number }
  | { kind: 'log'; level: LogLevel; context: string; message: string }
  | { kind: 'reply'; id: number; value?: RelayOutcome | QueueCounts; error?: string };

/**
 * The relay in a worker thread of its own (BUS_RELAY_THREAD=true), with its own Postgres and
 * Redis connections: reading outbox rows, building jobs and BullMQ's serialisation then cost
 * the service's event loop nothing, and the thread takes CPU beside it. The thread runs the
 * same RelayRuntime as the in-thread relay; this side forwards wake-ups, passes and queue
 * counts, relays its log lines to the service's logger and its counts to the metrics, restarts
 * it with backoff if it dies, and on stop waits until it has flushed the outbox.
 * From sources (jest, benchmarks) the thread compiles its TypeScript with @swc-node/register;
 * from the build it loads the compiled file (as the allocation solver's worker does).
 */
export class RelayThread implements RelayHandle {
  private readonly logger = new Logger('OutboxRelay');
  private worker?: Worker;
  private readonly replies = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private stopping = false;
  private restarts = 0;
  private restartTimer?: NodeJS.Timeout;

  constructor(
    private readonly settings: RelaySettings,
    private readonly onPublished: (queue: string, count: number) => void,
  ) {}

  /** Resolves once the thread has loaded its code and opened its connections' clients. */
  async start(): Promise<void> {
    try {
      await this.spawn();
    } catch (error) {
      this.stopping = true;
      clearTimeout(this.restartTimer);
      throw error;
    }
  }

  wake(): void {
    this.send({ kind: 'wake' });
  }

  pass(): Promise<RelayOutcome> {
    return this.request('pass');
  }

  queueCounts(): Promise<QueueCounts> {
    return this.request('counts');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage({ kind: 'stop' } satisfies ToRelayThread);
    await exited;
  }

  private spawn(): Promise<void> {
    const ext = extname(__filename);
    const entry = join(__dirname, `relay.worker${ext}`);
    const options = { workerData: this.settings };
    const worker = ext === '.ts'
      ? new Worker(`require(${JSON.stringify(require.resolve('@swc-node/register'))}); require(${JSON.stringify(entry)});`, { ...options, eval: true })
      : new Worker(entry, options);
    this.worker = worker;
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromRelayThread) => {
        if (message.kind === 'ready') {
          this.restarts = 0;
          resolve();
        } else this.receive(worker, message);
      });
      worker.on('error', (error) => {
        this.logger.error(`Relay thread failed: ${error.stack ?? error.message}`);
        reject(error);
      });
      worker.on('exit', (code) => {
        reject(new Error(`relay thread exited with code ${code} before it was ready`));
        this.exited(worker, code);
      });
    });
  }

  private receive(worker: Worker, message: FromRelayThread): void {
    if (message.kind === 'published') this.onPublished(message.queue, message.count);
    else if (message.kind === 'log') new Logger(message.context)[message.level]?.(message.message);
    else if (message.kind === 'stopped') void worker.terminate();
    else if (message.kind === 'reply') {
      const waiting = this.replies.get(message.id);
      this.replies.delete(message.id);
      if (message.error === undefined) waiting?.resolve(message.value as never);
      else waiting?.reject(new Error(message.error));
    }
  }

  private exited(worker: Worker, code: number): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const waiting of this.replies.values()) waiting.reject(new Error(`relay thread exited with code ${code}`));
    this.replies.clear();
    if (this.stopping) return;
    // The outbox keeps every event meanwhile: a restarted relay publishes it all.
    const delay = Math.min(1000 * 2 ** this.restarts, this.settings.bus.BUS_RELAY_MAX_BACKOFF_MS);
    this.restarts += 1;
    this.logger.error(`Relay thread exited (code ${code}); restarting it in ${delay} ms`);
    this.restartTimer = setTimeout(() => void this.spawn().catch(() => undefined), delay);
  }

  private request<T>(kind: 'pass' | 'counts'): Promise<T> {
    if (!this.worker) return Promise.reject(new Error('the relay thread is not running'));
    const id = (this.nextId += 1);
    return new Promise<T>((resolve, reject) => {
      this.replies.set(id, { resolve: resolve as (value: never) => void, reject });
      this.send({ kind, id });
    });
  }

  private send(message: ToRelayThread): void {
    this.worker?.postMessage(message);
  }
}
