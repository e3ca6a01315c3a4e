import type { JWTPayload } from 'jose';
import { textProblem } from '../validation/field-rules';

export const ROLES = ['country', 'donor', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, built from validated token claims. */
export interface AuthUser {
  sub: string;
  role: Role;
  /** ISO 3166-1 alpha-3, upper case; present for role `country`. */
  country?: string;
  /** The donor's provider (UUID); present for role `donor`. */
  providerId?: string;
}

/** Subjects are stored with every change (`created_by`, `actor_sub` are varchar(200)): longer ones cannot act. */
export const MAX_SUBJECT_LENGTH = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO3 = /^[A-Z]{3}$/;

/** Checks the claims the contract requires; returns the user or the reason it is refused. */
export function userFromClaims(claims: JWTPayload): AuthUser | string {
  const { sub, role, country, providerId } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_SUBJECT_LENGTH || textProblem(sub) !== null) {
    return `claim "sub" must be a non-empty string of at most ${MAX_SUBJECT_LENGTH} characters`;
  }
  if (typeof claims.exp !== 'number') return 'claim "exp" is required';
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    return `claim "role" must be one of ${ROLES.join(', ')}`;
  }
  const user: AuthUser = { sub, role: role as Role };
  if (role === 'country') {
    if (typeof country !== 'string' || !ISO3.test(country)) {
      return 'claim "country" must be an upper-case ISO 3166-1 alpha-3 code for role country';
    }
    user.country = country;
  }
  if (role === 'donor') {
    if (typeof providerId !== 'string' || !UUID.test(providerId)) {
      return 'claim "providerId" must be a UUID for role donor';
    }
    user.providerId = providerId.toLowerCase();
  }
  return user;
}
