/**
 * At most `limit` deliveries in flight per receiver (URL scheme, host and port) in this
 * process. A delivery that finds its receiver busy is put back for a moment instead of waiting
 * in a worker slot, so a receiver that hangs holds `limit` slots at most and every other
 * receiver keeps the rest.
 */
export class HostLimiter {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly limit: number) {}

  tryAcquire(origin: string): boolean {
    const current = this.inFlight.get(origin) ?? 0;
    if (current >= this.limit) return false;
    this.inFlight.set(origin, current + 1);
    return true;
  }

  release(origin: string): void {
    const current = this.inFlight.get(origin) ?? 0;
    if (current <= 1) this.inFlight.delete(origin);
    else this.inFlight.set(origin, current - 1);
  }

  busy(origin: string): number {
    return this.inFlight.get(origin) ?? 0;
  }
}
