// One capmatch service as a child process, started exactly as `npm run start:<service>` would
// start it (the built dist/ entry, or the TypeScript source through @swc-node/register), on a
// spare loopback port with the environment it is given. Used where a test or a benchmark must
// kill a service for real (SIGKILL) or run it beside others: test/no-loss.e2e-spec.ts,
// bench/pipeline and bench/intake.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { ServiceName } from '@capmatch/contracts';
import { PORTS } from '@capmatch/platform';

const ROOT = resolve(__dirname, '..', '..');

/** The node flags `npm run start:<service>` gives the service, from the checkout that runs it (none where it has no such file). */
function serviceNodeFlags(service: ServiceName, root: string): string[] {
  const file = join(root, 'scripts', 'service-node-flags.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[] | undefined>)[service] ?? [];
}

export interface ChildServiceOptions {
  service: ServiceName;
  /** Variables on top of this process's environment (PORT and HOST are set here). */
  env: Record<string, string>;
  /** Where stdout and stderr go. */
  log: string;
  /** `dist` runs the build (`npm run build` first); `source` compiles on the fly (slower start). */
  from?: 'dist' | 'source';
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** The port to listen on (a restart keeps its URL); a spare one by default. */
  port?: number;
  /** Another checkout to run the service from (a "before" measurement on older code); this one by default. */
  root?: string;
  /** How long start-up may take before giving up (default 90 s). */
  readyTimeoutMs?: number;
}

export interface ChildService {
  service: ServiceName;
  url: string;
  log: string;
  process: ChildProcess;
  /** SIGTERM (drain), SIGKILL after 20 s; resolves once the process has exited. */
  stop(): Promise<void>;
  /** Kills at once (SIGKILL by default), like a crash or an OOM kill; resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function entryOf(service: ServiceName, from: 'dist' | 'source', root = ROOT): string {
  return from === 'dist' ? join(root, 'dist', 'apps', service, 'src', 'main.js') : join(root, 'apps', service, 'src', 'main.ts');
}

/** A loopback port nobody listens on right now. */
export function sparePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/** Resolves once `url`/health/ready answers 200; fails when the child exits first or the time runs out. */
export async function waitReady(url: string, child: ChildProcess, service: string, log: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${service} exited with code ${child.exitCode} during start-up; see ${log}`);
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service} was not ready within ${timeoutMs} ms; see ${log}`);
}

/** Starts the service and resolves once /health/ready answers 200. */
export async function startChildService(options: ChildServiceOptions): Promise<ChildService> {
  const { service, log } = options;
  const from = options.from ?? 'dist';
  const port = options.port ?? (await sparePort());
  const loader = from === 'source' ? ['-r', '@swc-node/register'] : [];
  const root = options.root ?? ROOT;
  const child = spawn(process.execPath, [...serviceNodeFlags(service, root), ...(options.nodeArgs ?? []), ...loader, entryOf(service, from, root)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env, HOST: '127.0.0.1', [PORTS[service].variable]: String(port) },
  });
  const out = createWriteStream(log, { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const url = `http://127.0.0.1:${port}`;
  const handle: ChildService = {
    service,
    url,
    log,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.kill('SIGTERM');
      await exited(child);
      clearTimeout(killer);
    },
    kill: async (signal: NodeJS.Signals = 'SIGKILL') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited(child);
    },
  };
  try {
    await waitReady(url, child, service, log, options.readyTimeoutMs ?? 90_000);
  } catch (error) {
    await handle.kill();
    throw error;
  }
  return handle;
}
