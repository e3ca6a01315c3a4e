import type { AuthUser, Role } from '@capmatch/platform';
import type { RequestStatus } from '@capmatch/contracts';

/** Roles that may create, change, withdraw requests and read their history; donors never may. */
export const WRITER_ROLES: Role[] = ['country', 'coordinator', 'admin'];

interface Owned {
  country: string;
  status: RequestStatus;
}

/**
 * Whether the caller may read this request: coordinators and admins read everything, a
 * country its own requests, a donor open requests only (contract, "Authentication and roles").
 */
export function maySee(user: AuthUser, request: Owned): boolean {
  switch (user.role) {
    case 'coordinator':
    case 'admin':
      return true;
    case 'country':
      return request.country === user.country;
    case 'donor':
      return request.status === 'open';
  }
}

/** Whether the caller may change, withdraw or audit this request. */
export function mayManage(user: AuthUser, request: Owned): boolean {
  if (user.role === 'coordinator' || user.role === 'admin') return true;
  return user.role === 'country' && request.country === user.country;
}
