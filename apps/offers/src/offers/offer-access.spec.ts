import type { AuthUser } from '@capmatch/platform';
import { accessTo, listScope } from './offer-access';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const users: Record<string, AuthUser> = {
  owner: { sub: 'd1', role: 'donor', providerId: OWN },
  otherDonor: { sub: 'd2', role: 'donor', providerId: OTHER },
  country: { sub: 'c1', role: 'country', country: 'KEN' },
  coordinator: { sub: 'k1', role: 'coordinator' },
  admin: { sub: 'a1', role: 'admin' },
};

describe('accessTo', () => {
  it.each([
    ['owner', 'open', 'manage'],
    ['owner', 'withdrawn', 'manage'],
    ['otherDonor', 'open', 'read'],
    ['otherDonor', 'exhausted', 'none'],
    ['otherDonor', 'withdrawn', 'none'],
    ['country', 'open', 'read'],
    ['country', 'exhausted', 'none'],
    ['coordinator', 'withdrawn', 'manage'],
    ['admin', 'exhausted', 'manage'],
  ] as const)('%s on a %s offer: %s', (who, status, expected) => {
    expect(accessTo({ providerId: OWN, status }, users[who])).toBe(expected);
  });
});

describe('listScope', () => {
  it('shows everything to coordinators and admins', () => {
    expect(listScope(users.coordinator)).toEqual({ all: true });
    expect(listScope(users.admin)).toEqual({ all: true });
  });
  it('shows a donor its own offers besides open ones', () => {
    expect(listScope(users.owner)).toEqual({ all: false, ownProviderId: OWN });
  });
  it('shows a country open offers only', () => {
    expect(listScope(users.country)).toEqual({ all: false, ownProviderId: null });
  });
});
