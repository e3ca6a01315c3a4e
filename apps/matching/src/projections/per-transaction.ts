import { beforeCommit } from '@capmatch/platform';
import type { EntityManager } from 'typeorm';

/**
 * Events of one transaction, collected and handled together just before it commits (the
 * platform's before-commit hook of a group-commit batch), or at once when the transaction is
 * not a batch. `flush` gets every event the transaction collected, in arrival order.
 */
export class PerTransaction<T> {
  private readonly pending = new WeakMap<EntityManager, T[]>();

  constructor(private readonly hook: string, private readonly flush: (manager: EntityManager, events: T[]) => Promise<void>) {}

  async add(manager: EntityManager, event: T): Promise<void> {
    const events = this.pending.get(manager);
    if (events) return void events.push(event);
    this.pending.set(manager, [event]);
    if (!beforeCommit(manager, this.hook, () => this.take(manager))) await this.take(manager);
  }

  private async take(manager: EntityManager): Promise<void> {
    const events = this.pending.get(manager) ?? [];
    this.pending.delete(manager);
    if (events.length > 0) await this.flush(manager, events);
  }
}
