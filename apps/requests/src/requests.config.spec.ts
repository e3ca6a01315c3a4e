import { ConfigurationError, readEnv } from '@capmatch/platform';
import { RequestsEnv } from './requests.config';

describe('requests configuration', () => {
  it('defaults LDC_SMOOTH_TRANSITION_YEARS to 3 (domain.md) and reads it as a number', () => {
    expect(readEnv(RequestsEnv, {}).LDC_SMOOTH_TRANSITION_YEARS).toBe(3);
    expect(readEnv(RequestsEnv, { LDC_SMOOTH_TRANSITION_YEARS: '5' }).LDC_SMOOTH_TRANSITION_YEARS).toBe(5);
    expect(readEnv(RequestsEnv, { LDC_SMOOTH_TRANSITION_YEARS: '0' }).LDC_SMOOTH_TRANSITION_YEARS).toBe(0);
  });

  it.each(['three', '-1', '21', '2.5'])('refuses LDC_SMOOTH_TRANSITION_YEARS=%s, naming the variable', (value) => {
    expect(() => readEnv(RequestsEnv, { LDC_SMOOTH_TRANSITION_YEARS: value })).toThrow(ConfigurationError);
    expect(() => readEnv(RequestsEnv, { LDC_SMOOTH_TRANSITION_YEARS: value })).toThrow(/LDC_SMOOTH_TRANSITION_YEARS/);
  });
});
