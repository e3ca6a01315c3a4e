import { Logger } from '@nestjs/common';
import type { BusSettings } from './bus.config';

type Outcome = 'contended' | 'empty' | 'partial' | 'full';

const CONTENDED_RETRY_MS = 50;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * When the relay runs: on every wake-up (NOTIFY), on a polling timer as the fallback, again at
 * once after a full batch, BUS_RELAY_LINGER_MS after a partial one (so a stream of commits is
 * relayed in batches rather than one pass per commit), shortly after losing the lock to another relay (it may have read
 * the outbox just before our event committed), and with capped exponential backoff while
 * Redis or Postgres fails. It never throws: an outage only delays events.
 */
export class RelayLoop {
  private readonly logger = new Logger(RelayLoop.name);
  private pending = false;
  private running?: Promise<void>;
  private stopped = true;
  private failures = 0;
  private sleeping?: { timer: NodeJS.Timeout; done: () => void };
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly pass: () => Promise<Outcome>,
    private readonly cfg: BusSettings,
    private readonly label: string,
  ) {}

  start(prune: () => Promise<void>): void {
    this.stopped = false;
    const pruneSafely = () => prune().catch((e: Error) => this.logger.warn(`${this.label}: pruning failed: ${e.message}`));
    this.timers = [setInterval(() => this.wake(), this.cfg.BUS_RELAY_POLL_MS), setInterval(pruneSafely, PRUNE_EVERY_MS)];
    this.timers.forEach((t) => t.unref());
    void pruneSafely();
    this.wake();
  }

  wake(): void {
    this.pending = true;
    if (this.stopped || this.running) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Ends the loop, then publishes what is committed unless Redis or Postgres fails. */
  async stopAndFlush(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    this.sleeping?.done();
    await this.running;
    // 'contended' ends the flush too: another live relay holds the outbox and will finish it.
    for (let outcome: Outcome = 'full'; outcome === 'full'; ) {
      try {
        outcome = await this.pass();
      } catch (error) {
        this.logger.warn(`${this.label}: could not flush the outbox at shutdown: ${(error as Error).message}`);
        return;
      }
    }
  }

  private async drain(): Promise<void> {
    while (this.pending && !this.stopped) {
      this.pending = false;
      try {
        const outcome = await this.pass();
        if (this.failures > 0) this.logger.log(`${this.label}: publishing again after ${this.failures} failed attempts`);
        this.failures = 0;
        if (outcome === 'full') this.pending = true;
        // Under a stream of commits every NOTIFY would start a pass of one or two rows (a
        // transaction and a Redis round trip each); pausing briefly after a partial batch lets
        // the next pass take everything committed meanwhile. An idle relay starts at once.
        if (outcome === 'partial' && this.cfg.BUS_RELAY_LINGER_MS > 0) await this.sleep(this.cfg.BUS_RELAY_LINGER_MS);
        if (outcome === 'contended') {
          await this.sleep(CONTENDED_RETRY_MS);
          this.pending = true;
        }
      } catch (error) {
        this.failures += 1;
        const delay = Math.min(this.cfg.BUS_RELAY_POLL_MS * 2 ** (this.failures - 1), this.cfg.BUS_RELAY_MAX_BACKOFF_MS);
        if (this.failures === 1 || this.failures % 10 === 0) {
          this.logger.warn(`${this.label}: attempt ${this.failures} failed (${(error as Error).message}); retrying in ${delay} ms`);
        }
        await this.sleep(delay);
        this.pending = true;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleeping = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleeping = { timer, done };
    });
  }
}
