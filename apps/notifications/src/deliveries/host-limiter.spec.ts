import { HostLimiter } from './host-limiter';

describe('HostLimiter', () => {
  it('admits up to the limit per origin and frees on release', () => {
    const limiter = new HostLimiter(2);
    expect(limiter.tryAcquire('https://a.example')).toBe(true);
    expect(limiter.tryAcquire('https://a.example')).toBe(true);
    expect(limiter.tryAcquire('https://a.example')).toBe(false);
    expect(limiter.tryAcquire('https://b.example')).toBe(true);
    limiter.release('https://a.example');
    expect(limiter.busy('https://a.example')).toBe(1);
    expect(limiter.tryAcquire('https://a.example')).toBe(true);
  });
});
