import { ConfigurationError, readEnv } from '@capmatch/platform';
import { NotificationsEnv } from './notifications.config';

describe('NotificationsEnv', () => {
  it('has defaults that satisfy the contract', () => {
    const cfg = readEnv(NotificationsEnv, {});
    expect(cfg).toMatchObject({ WEBHOOK_TIMEOUT_MS: 5000, WEBHOOK_DISABLE_AFTER_HOURS: 72, WEBHOOK_ALLOW_PRIVATE: false });
    expect(cfg.WEBHOOK_ATTEMPTS).toBeGreaterThanOrEqual(5);
  });

  it('refuses fewer than 5 attempts', () => {
    expect(() => readEnv(NotificationsEnv, { WEBHOOK_ATTEMPTS: '4' })).toThrow(/WEBHOOK_ATTEMPTS/);
  });

  it('refuses a schedule that may be over in less than a minute', () => {
    const env = { WEBHOOK_ATTEMPTS: '5', WEBHOOK_BACKOFF_MS: '1000' }; // 1+2+4+8 s, halved by jitter: 7.5 s
    expect(() => readEnv(NotificationsEnv, env)).toThrow(ConfigurationError);
    expect(() => readEnv(NotificationsEnv, env)).toThrow(/WEBHOOK_ATTEMPTS .*at least 60000 ms/);
    expect(readEnv(NotificationsEnv, { WEBHOOK_ATTEMPTS: '5', WEBHOOK_BACKOFF_MS: '10000' }).WEBHOOK_ATTEMPTS).toBe(5);
  });

  it('accepts an encryption key of 32 bytes only, and booleans only for WEBHOOK_ALLOW_PRIVATE', () => {
    expect(() => readEnv(NotificationsEnv, { WEBHOOK_ENCRYPTION_KEY: 'short' })).toThrow(/WEBHOOK_ENCRYPTION_KEY/);
    expect(readEnv(NotificationsEnv, { WEBHOOK_ENCRYPTION_KEY: 'ab'.repeat(32) }).WEBHOOK_ENCRYPTION_KEY).toBe('ab'.repeat(32));
    expect(() => readEnv(NotificationsEnv, { WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
    expect(readEnv(NotificationsEnv, { WEBHOOK_ALLOW_PRIVATE: 'true' }).WEBHOOK_ALLOW_PRIVATE).toBe(true);
  });
});
