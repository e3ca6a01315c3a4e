import { isIso3, isLanguageCode, isRegion } from '@capmatch/taxonomy';
import { ValidateBy, ValidateIf, type ValidationArguments, type ValidationOptions } from 'class-validator';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2027-02-30 is refused, not rolled over). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function rule(name: string, test: (value: unknown) => boolean, message: string, options?: ValidationOptions) {
  return ValidateBy({ name, validator: { validate: test, defaultMessage: () => message } }, options);
}

export const IsIsoDate = (options?: ValidationOptions) =>
  rule('isIsoDate', isIsoDate, '$property must be a real date written YYYY-MM-DD', options);

/** ISO 639-1, or ISO 639-3 where a language has no 639-1 code; lower case (contract). */
export const IsLanguage = (options?: ValidationOptions) =>
  rule(
    'isLanguage',
    (v) => typeof v === 'string' && isLanguageCode(v),
    `${options?.each ? 'each value in ' : ''}$property must be a known ISO 639 language code in lower case`,
    options,
  );

export const IsKnownIso3 = (options?: ValidationOptions) =>
  rule(
    'isKnownIso3',
    (v) => typeof v === 'string' && isIso3(v),
    'each value in $property must be a known ISO 3166-1 alpha-3 country code in upper case',
    options,
  );

export const IsKnownRegion = (options?: ValidationOptions) =>
  rule(
    'isKnownRegion',
    (v) => typeof v === 'string' && isRegion(v),
    'each value in $property must be a known M49 region or sub-region slug (e.g. africa, eastern-africa)',
    options,
  );

/** The property is a date on or after the date in `other` (only judged when both are real dates). */
export function IsOnOrAfter(other: string, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isOnOrAfter',
      constraints: [other],
      validator: {
        validate(value: unknown, args?: ValidationArguments): boolean {
          const start = (args?.object as Record<string, unknown> | undefined)?.[other];
          if (!isIsoDate(value) || !isIsoDate(start)) return true;
          return value >= start;
        },
        defaultMessage: () => `$property must be on or after ${other}`,
      },
    },
    options,
  );
}

/**
 * Optional but not nullable: an absent property is skipped, an explicit null is judged (and
 * refused by the property's other rules). IsOptional would let null through to a NOT NULL column.
 */
export const Present = () => ValidateIf((_: unknown, value: unknown) => value !== undefined);
