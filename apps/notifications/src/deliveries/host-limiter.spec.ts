import { HostLimiter } from './host-limiter';

describe('HostLimiter', () => {
  it('admits up to the limit per origin, lines up a bounded number, and refuses beyond', async () => {
    const limiter = new HostLimiter(1);
    await expect(limiter.acquire('https://a.example')).resolves.toBe(true);
    const order: string[] = [];
    const waiting = [limiter.acquire('https://a.example'), limiter.acquire('https://a.example')].map((p, i) =>
      p.then((ok) => order.push(`waiter ${i}: ${ok}`)),
    );
    await expect(limiter.acquire('https://a.example')).resolves.toBe(false); // 1 active + 2 waiting
    await expect(limiter.acquire('https://b.example')).resolves.toBe(true);
    expect(limiter.busy('https://a.example')).toEqual({ active: 1, waiting: 2 });

    limiter.release('https://a.example');
    await waiting[0];
    expect(order).toEqual(['waiter 0: true']);
    expect(limiter.busy('https://a.example')).toEqual({ active: 1, waiting: 1 });
    limiter.release('https://a.example');
    await waiting[1];
    limiter.release('https://a.example');
    expect(limiter.busy('https://a.example')).toEqual({ active: 0, waiting: 0 });
  });
});
