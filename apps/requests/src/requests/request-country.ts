import { findCountry, maySubmitRequests } from '@capmatch/taxonomy';
import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** Why a country may not submit requests, or undefined when it may. */
export function countryRefusal(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) return 'country must be an upper-case ISO 3166-1 alpha-3 code';
  const c = findCountry(value);
  if (!c) return `country ${value} is not in the country dataset`;
  if (!maySubmitRequests(value)) {
    return `${c.name} (${value}) is classified ${c.developmentStatus}; requests come only from developing and transition countries`;
  }
  return undefined;
}

export const IsEligibleCountry = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isEligibleCountry',
      validator: {
        validate: (v: unknown) => countryRefusal(v) === undefined,
        defaultMessage: (a?: ValidationArguments) => countryRefusal(a?.value) ?? 'invalid',
      },
    },
    options,
  );
