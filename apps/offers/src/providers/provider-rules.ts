import { COUNTRYLESS_PROVIDER_KINDS, isIso3, isOneOf, PROVIDER_KINDS } from '@capmatch/taxonomy';

/**
 * The contract's kind/country rule: international organisations and development banks have no
 * country; every other provider has exactly one known country (ISO 3166-1 alpha-3, upper case).
 * Returns the problem with `country`, or null when it is fine. An unknown kind is reported on
 * `kind` itself, so the country is not judged against it.
 */
export function countryProblem(kind: unknown, country: unknown): string | null {
  if (!isOneOf(PROVIDER_KINDS, kind)) return null;
  const countryless = COUNTRYLESS_PROVIDER_KINDS.includes(kind);
  const absent = country === undefined || country === null;
  if (countryless) return absent ? null : `must be absent for a provider of kind ${kind} (an international organisation has no country)`;
  if (absent) return `is required for a provider of kind ${kind}`;
  if (typeof country !== 'string' || !isIso3(country)) return 'must be a known ISO 3166-1 alpha-3 country code in upper case';
  return null;
}
