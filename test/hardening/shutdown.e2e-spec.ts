// Shutdown by process group (issue 11, item 7), as a process manager does it: `kill -TERM --
// -<pgid>` of start-all. Each service gets exactly one SIGTERM (from start-all; they run in
// groups of their own), a second SIGTERM while draining does not cut the drain short, a
// kept-alive connection gets `Connection: close` rather than a reset, and everything exits 0.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { sparePort, waitReady } from '../support/child-service';

const ROOT = resolve(__dirname, '..', '..');

function get(url: string, agent: Agent): Promise<IncomingMessage> {
  return new Promise((done, fail) => {
    const req = httpRequest(url, { agent }, (res) => {
      res.resume();
      res.once('end', () => done(res));
    });
    req.once('error', fail);
    req.end();
  });
}

describe('shutdown of npm run start:all by process group', () => {
  let startAll: ChildProcess;
  const lines: string[] = [];
  const waitForLine = (pattern: RegExp) =>
    new Promise<void>((done) => {
      const check = () => lines.some((l) => pattern.test(l));
      if (check()) return done();
      const timer = setInterval(() => check() && (clearInterval(timer), done()), 10);
    });

  afterAll(() => {
    if (startAll?.exitCode !== null || !startAll.pid) return;
    // start-all runs each service in a process group of its own: a failed test must not leave
    // them running against this worker's database.
    let children: number[] = [];
    try {
      children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(startAll.pid)]).toString().trim().split(/\s+/).map(Number);
    } catch {
      // no child left
    }
    for (const pid of children) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.kill(-startAll.pid, 'SIGKILL');
  });

  it('drains every service once, survives a second signal, closes kept-alive connections politely, exits 0', async () => {
    const ports = { REQUESTS_PORT: await sparePort(), OFFERS_PORT: await sparePort(), MATCHING_PORT: await sparePort(), NOTIFICATIONS_PORT: await sparePort(), CONSOLE_PORT: await sparePort() };
    startAll = spawn(process.execPath, ['scripts/start-all.mjs'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
        START_ALL_FROM: 'source',
        HOST: '127.0.0.1',
        QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_shutdown`,
        LOG_LEVEL: 'info',
        NO_COLOR: '1',
      },
    });
    for (const stream of [startAll.stdout!, startAll.stderr!]) createInterface({ input: stream }).on('line', (l) => lines.push(l));
    const exited = new Promise<number | null>((done) => startAll.once('exit', (code) => done(code)));
    for (const [variable, port] of Object.entries(ports)) await waitReady(`http://127.0.0.1:${port}`, startAll, variable, 'start-all output');

    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const url = `http://127.0.0.1:${ports.REQUESTS_PORT}/health/live`;
    const before = await get(url, agent);
    expect(before.headers.connection).toBe('keep-alive');

    const services = execFileSync('ps', ['-o', 'pid=', '--ppid', String(startAll.pid)]).toString().trim().split(/\s+/).map(Number);
    expect(services).toHaveLength(Object.keys(ports).length);
    process.kill(-startAll.pid!, 'SIGTERM');
    await waitForLine(/\[requests\].*SIGTERM received: draining/);
    // The same socket, now that the requests service drains: answered, and told to close.
    const during = await get(url, agent);
    expect(during.statusCode).toBe(200);
    expect(during.headers.connection).toBe('close');
    // A second signal, as a supervisor forwarding the group's signal would send it.
    process.kill(-startAll.pid!, 'SIGTERM');
    for (const pid of services) process.kill(pid, 'SIGTERM');

    expect(await exited).toBe(0);
    for (const service of ['requests', 'offers', 'matching', 'notifications']) {
      const own = lines.filter((l) => l.startsWith(`[${service}]`));
      expect(own.filter((l) => /SIGTERM received: draining/.test(l))).toHaveLength(1);
      expect(own.some((l) => /received again while draining/.test(l))).toBe(true);
      expect(own.some((l) => /Drained: bye/.test(l))).toBe(true);
    }
    expect(lines.filter((l) => /start-all: SIGTERM: draining/.test(l))).toHaveLength(1);
    agent.destroy();
  }, 180_000);
});
