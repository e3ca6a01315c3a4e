import { minimumSpanMs, nextDelayMs, stepMs } from './backoff';

const settings = { WEBHOOK_ATTEMPTS: 6, WEBHOOK_BACKOFF_MS: 1000, WEBHOOK_BACKOFF_MAX_MS: 5000 };

describe('webhook backoff', () => {
  it('doubles per attempt up to the maximum', () => {
    expect([1, 2, 3, 4, 5].map((a) => stepMs(settings, a))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('keeps each delay between half and all of its step', () => {
    expect(nextDelayMs(settings, 2, () => 0)).toBe(1000);
    expect(nextDelayMs(settings, 2, () => 1)).toBe(2000);
    expect(nextDelayMs(settings, 2, () => 0.5)).toBe(1500);
  });

  it('stops after the last attempt', () => {
    expect(nextDelayMs(settings, 5, () => 0)).toBe(2500);
    expect(nextDelayMs(settings, 6, () => 0)).toBeNull();
  });

  it('computes the shortest span with the lowest jitter', () => {
    expect(minimumSpanMs(settings)).toBe((1000 + 2000 + 4000 + 5000 + 5000) / 2);
    expect(minimumSpanMs({ ...settings, WEBHOOK_ATTEMPTS: 1 })).toBe(0);
  });
});
