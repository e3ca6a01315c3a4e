import { BusEnv, transactionSlots } from './bus.config';

describe('transactionSlots', () => {
  it('gives the default worker four group commits at once on the default pool of 10', () => {
    expect(transactionSlots(new BusEnv(), 10)).toBe(4);
  });

  it('never takes more than half the pool, and always at least one', () => {
    expect(transactionSlots({ BUS_CONCURRENCY: 500, BUS_HANDLER_BATCH: 1 }, 10)).toBe(5);
    expect(transactionSlots({ BUS_CONCURRENCY: 128, BUS_HANDLER_BATCH: 32 }, 2)).toBe(1);
    expect(transactionSlots({ BUS_CONCURRENCY: 1, BUS_HANDLER_BATCH: 32 }, 200)).toBe(1);
  });
});
