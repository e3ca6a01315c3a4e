import { mayManage, maySee } from './request-access';

describe('request access', () => {
  const open = { country: 'RWA', status: 'open' as const };
  const matched = { country: 'RWA', status: 'matched' as const };
  it.each([
    [{ sub: 'a', role: 'country' as const, country: 'RWA' }, open, true, true],
    [{ sub: 'a', role: 'country' as const, country: 'BGD' }, open, false, false],
    [{ sub: 'd', role: 'donor' as const, providerId: 'p' }, open, true, false],
    [{ sub: 'd', role: 'donor' as const, providerId: 'p' }, matched, false, false],
    [{ sub: 'c', role: 'coordinator' as const }, matched, true, true],
    [{ sub: 'x', role: 'admin' as const }, matched, true, true],
  ])('%j on %j: see %s, manage %s', (user, request, see, manage) => {
    expect(maySee(user, request)).toBe(see);
    expect(mayManage(user, request)).toBe(manage);
  });
});
