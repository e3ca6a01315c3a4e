import { ConfigurationError, readEnv } from '@capmatch/platform';
import { MatchingEnv } from './matching.config';

describe('matching configuration', () => {
  it('defaults ALLOCATION_TIME_LIMIT_MS to 30 s and reads it as a number', () => {
    expect(readEnv(MatchingEnv, {}).ALLOCATION_TIME_LIMIT_MS).toBe(30_000);
    expect(readEnv(MatchingEnv, { ALLOCATION_TIME_LIMIT_MS: '5000' }).ALLOCATION_TIME_LIMIT_MS).toBe(5000);
  });

  it.each(['abc', '50', '600001', '1.5'])('refuses ALLOCATION_TIME_LIMIT_MS=%s, naming the variable', (value) => {
    expect(() => readEnv(MatchingEnv, { ALLOCATION_TIME_LIMIT_MS: value })).toThrow(ConfigurationError);
    expect(() => readEnv(MatchingEnv, { ALLOCATION_TIME_LIMIT_MS: value })).toThrow(/ALLOCATION_TIME_LIMIT_MS/);
  });
});
