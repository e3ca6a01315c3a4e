import { findCountry, isLanguageCode, maySubmitRequests } from '@capmatch/taxonomy';
import { ValidateIf, registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** Validates only when the property is present: `null` is then refused like any bad value. */
export const Present = (): PropertyDecorator => ValidateIf((_o, value) => value !== undefined);

/** For fields that may be cleared: absent and `null` both skip the other checks. */
export const PresentNonNull = (): PropertyDecorator => ValidateIf((_o, value) => value !== undefined && value !== null);

/** A real calendar date written YYYY-MM-DD (2027-02-30 is refused, which `Date` would roll over). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function define(
  name: string,
  test: (value: unknown, args: ValidationArguments) => boolean,
  message: (args: ValidationArguments) => string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: test },
    });
}

export const IsCalendarDate = (options?: ValidationOptions) =>
  define('isCalendarDate', (v) => isCalendarDate(v), (a) => `${a.property} must be a calendar date YYYY-MM-DD`, options);

export const IsLanguageCode = (options?: ValidationOptions) =>
  define(
    'isLanguageCode',
    (v) => typeof v === 'string' && isLanguageCode(v),
    (a) => `${a.property} must hold lower-case ISO 639-1 codes (ISO 639-3 where no 639-1 code exists)`,
    options,
  );

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
  define('isEligibleCountry', (v) => countryRefusal(v) === undefined, (a) => countryRefusal(a.value) ?? 'invalid', options);

/** The window's end must not precede its start (only checked when both are well-formed). */
export const NotBeforeStart = (options?: ValidationOptions) =>
  define(
    'notBeforeStart',
    (v, a) => {
      const start = (a.object as { start?: unknown }).start;
      return !isCalendarDate(v) || !isCalendarDate(start) || start <= v;
    },
    () => 'window.end must not be before window.start',
    options,
  );

/** Fields the server sets: a client sending one gets a 400 naming it instead of a silent drop. */
export const ServerSet = () =>
  define('serverSet', () => false, (a) => `${a.property} is set by the server and cannot be sent`);
