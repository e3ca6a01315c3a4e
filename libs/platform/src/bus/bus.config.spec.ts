import { readEnv } from '../config/define-config';
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

describe('BUS_RELAY_THREAD', () => {
  it('runs the relay in its own thread unless told false, and refuses any other value naming the variable', () => {
    expect(readEnv(BusEnv, {}).BUS_RELAY_THREAD).toBe(true);
    expect(readEnv(BusEnv, { BUS_RELAY_THREAD: 'false' }).BUS_RELAY_THREAD).toBe(false);
    expect(readEnv(BusEnv, { BUS_RELAY_THREAD: 'true' }).BUS_RELAY_THREAD).toBe(true);
    expect(() => readEnv(BusEnv, { BUS_RELAY_THREAD: 'yes' })).toThrow(/BUS_RELAY_THREAD \("yes"\): must be true or false/);
  });
});
