import { ConfigurationError } from '../config/define-config';
import { readPort } from './run-service';

describe('readPort', () => {
  it('uses the contract defaults', () => {
    expect(readPort('requests', {})).toBe(3001);
    expect(readPort('offers', {})).toBe(3002);
    expect(readPort('matching', {})).toBe(3003);
    expect(readPort('notifications', {})).toBe(3004);
    expect(readPort('matching', { MATCHING_PORT: '4000' })).toBe(4000);
  });
  it.each(['0', '70000', 'abc', '3.5'])('refuses %s naming the variable', (value) => {
    expect(() => readPort('offers', { OFFERS_PORT: value })).toThrow(ConfigurationError);
    expect(() => readPort('offers', { OFFERS_PORT: value })).toThrow(/OFFERS_PORT/);
  });
});
