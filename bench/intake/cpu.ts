// CPU time per create, by process kind: the service instances, the Postgres backends serving the
// bench database, and the load client itself. On a machine shared with other work this is the
// figure that holds still (wall-clock rates swing with whatever else runs), and it gives the
// ceiling: with C cores and T ms of CPU per create, at most 1000·C / T creates per second.
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

/**
 * utime + stime of a process (or, given `tid`, of its thread `tid`: the main thread's is the
 * pid) in ms, or undefined when it is gone (or not Linux).
 */
export function processCpuMs(pid: number, tid?: number): number | undefined {
  try {
    const stat = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export interface CpuSample {
  service: number;
  /** The instances' main threads (event loop); the rest is the relay thread, V8's GC helpers and libuv. */
  serviceMain: number;
  postgres: Map<number, number>;
  client: number;
}

/** The Postgres backends of the bench database, from its own view (the server runs on this machine). */
async function backendPids(db: Client): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  return rows.map((r) => r.pid);
}

export async function sampleCpu(db: Client, servicePids: number[]): Promise<CpuSample> {
  const postgres = new Map<number, number>();
  for (const pid of await backendPids(db)) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) postgres.set(pid, ms);
  }
  const usage = process.cpuUsage();
  return {
    service: servicePids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0),
    serviceMain: servicePids.reduce((sum, pid) => sum + (processCpuMs(pid, pid) ?? 0), 0),
    postgres,
    client: (usage.user + usage.system) / 1000,
  };
}

/**
 * ms of CPU per create between two samples. A backend that started in between counts from zero;
 * one that exited in between is lost (the pools keep their connections under load, so few do).
 */
export function cpuPerCreate(
  before: CpuSample,
  after: CpuSample,
  creates: number,
): { service: number; serviceMain: number; postgres: number; client: number } {
  let postgres = 0;
  for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
  const per = (ms: number) => ms / Math.max(1, creates);
  return {
    service: per(after.service - before.service),
    serviceMain: per(after.serviceMain - before.serviceMain),
    postgres: per(postgres),
    client: per(after.client - before.client),
  };
}
