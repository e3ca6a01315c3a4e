interface HostState {
  active: number;
  waiting: Array<() => void>;
}

/**
 * At most `limit` deliveries in flight per receiver (URL scheme, host and port) in this
 * process, and at most `limit * WAITERS_PER_SLOT` more waiting in line for one of them. A
 * delivery that finds even the line full is put back in the queue for a moment instead of
 * holding a worker slot, so a receiver that hangs ties up a bounded share of the workers and
 * every other receiver keeps the rest; a busy but healthy receiver is fed from the line without
 * a round trip through Redis.
 */
export class HostLimiter {
  static readonly WAITERS_PER_SLOT = 2;
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly limit: number) {}

  /** Resolves true once a slot is held (call release), or false at once when the line is full. */
  acquire(origin: string): Promise<boolean> {
    const host = this.hosts.get(origin) ?? { active: 0, waiting: [] };
    this.hosts.set(origin, host);
    if (host.active < this.limit) {
      host.active += 1;
      return Promise.resolve(true);
    }
    if (host.waiting.length >= this.limit * HostLimiter.WAITERS_PER_SLOT) return Promise.resolve(false);
    return new Promise((resolve) => host.waiting.push(() => resolve(true)));
  }

  /** Frees a slot, handing it straight to the next delivery in line. */
  release(origin: string): void {
    const host = this.hosts.get(origin);
    if (!host) return;
    const next = host.waiting.shift();
    if (next) return next(); // the slot changes hands: active stays the same
    host.active -= 1;
    if (host.active <= 0) this.hosts.delete(origin);
  }

  busy(origin: string): { active: number; waiting: number } {
    const host = this.hosts.get(origin);
    return { active: host?.active ?? 0, waiting: host?.waiting.length ?? 0 };
  }
}
