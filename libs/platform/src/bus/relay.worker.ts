// Worker-thread entry of the outbox relay (BUS_RELAY_THREAD=true; relay-thread.ts is the other side).
import { Logger, type LoggerService, type LogLevel } from '@nestjs/common';
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import { poolRelayDb } from './relay-db';
import { RelayRuntime, type RelaySettings } from './relay-runtime';
import type { FromRelayThread, ToRelayThread } from './relay-thread';

const settings = workerData as RelaySettings;
const port = parentPort!;
const post = (message: FromRelayThread): void => port.postMessage(message);

// Log lines go to the service's logger (JSON, with its fields), which lives in the main thread.
const forward = (level: LogLevel) => (message: unknown, ...params: unknown[]) =>
  post({ kind: 'log', level, message: String(message), context: String(params.at(-1) ?? 'OutboxRelay') });
const logger: LoggerService = {
  log: forward('log'), error: forward('error'), warn: forward('warn'), debug: forward('debug'), verbose: forward('verbose'),
};
Logger.overrideLogger(logger);

// One connection: a pass holds it for its transaction, pruning waits its turn.
const pool = new Pool({ ...settings.postgres, max: 1, application_name: `capmatch-relay-${settings.schema}` });
pool.on('error', (error) => new Logger('OutboxRelay').warn(`relay thread's Postgres connection: ${error.message}`));
const runtime = new RelayRuntime(settings, poolRelayDb(pool), (queue, count) => post({ kind: 'published', queue, count }));

function answer(id: number, work: Promise<unknown>): void {
  work.then(
    (value) => post({ kind: 'reply', id, value: value as never }),
    (error: unknown) => post({ kind: 'reply', id, error: error instanceof Error ? error.message : String(error) }),
  );
}

async function stop(): Promise<void> {
  try {
    await runtime.stop();
    await pool.end().catch(() => undefined);
  } finally {
    post({ kind: 'stopped' });
  }
}

port.on('message', (message: ToRelayThread) => {
  if (message.kind === 'wake') runtime.wake();
  else if (message.kind === 'pass') answer(message.id, runtime.pass());
  else if (message.kind === 'counts') answer(message.id, runtime.queueCounts());
  else if (message.kind === 'stop') void stop();
});

void runtime.start().then(() => post({ kind: 'ready' }));
