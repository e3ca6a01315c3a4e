import { spawn, type ChildProcess } from 'node:child_process';
import IORedis from 'ioredis';

/**
 * A redis-server of the test's own on a random port in 4600–4999, which the test may stop and
 * start again: the machine's shared Redis is never touched.
 */
export class OwnRedis {
  private child?: ChildProcess;
  readonly port = 4600 + Math.floor(Math.random() * 400);

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    this.child = child;
    const probe = new IORedis(this.url, { maxRetriesPerRequest: null, retryStrategy: () => 50, lazyConnect: true });
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`redis-server on port ${this.port} exited with ${child.exitCode}`);
        try {
          if (probe.status !== 'ready') await probe.connect();
          if ((await probe.ping()) === 'PONG') return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    } finally {
      probe.disconnect();
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
  }
}
