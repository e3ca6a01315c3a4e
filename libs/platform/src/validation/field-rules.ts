import { applyDecorators } from '@nestjs/common';
import { isIso3, isLanguageCode, isRegion } from '@capmatch/taxonomy';
import {
  IsString,
  Length,
  Matches,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

/** Optional but not nullable: absent is skipped, an explicit `null` is judged (and refused). */
export const Present = (): PropertyDecorator => ValidateIf((_o, value) => value !== undefined);

/** For fields that may be cleared: absent and `null` both skip the other rules. */
export const PresentNonNull = (): PropertyDecorator => ValidateIf((_o, value) => value !== undefined && value !== null);

/** A rule with a fixed message; `each` prefixes it the way class-validator's own rules do. */
export function rule(name: string, test: (value: unknown, args?: ValidationArguments) => boolean, message: string, options?: ValidationOptions) {
  const prefix = options?.each ? 'each value in ' : '';
  return ValidateBy({ name, validator: { validate: test, defaultMessage: () => `${prefix}$property ${message}` } }, options);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Postgres has no year 0 and `Date` maps years below 100 onto the 1900s: dates start here. */
export const FIRST_YEAR = 1900;

/** A real calendar date written YYYY-MM-DD from 1900 on (2027-02-30 is refused, not rolled over). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m || Number(m[1]) < FIRST_YEAR) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const IsCalendarDate = (options?: ValidationOptions) =>
  rule('isCalendarDate', isCalendarDate, `must be a real date written YYYY-MM-DD, year ${FIRST_YEAR} or later`, options);

/** The date is on or after the date in the sibling property `other` (judged only when both are dates). */
export const NotBefore = (other: string, options?: ValidationOptions) =>
  rule(
    'notBefore',
    (value, args) => {
      const start = (args?.object as Record<string, unknown> | undefined)?.[other];
      return !isCalendarDate(value) || !isCalendarDate(start) || start <= value;
    },
    `must be on or after ${other}`,
    options,
  );

/** ISO 639-1, or ISO 639-3 where a language has no 639-1 code; lower case (contract). */
export const IsLanguageCode = (options?: ValidationOptions) =>
  rule('isLanguageCode', (v) => typeof v === 'string' && isLanguageCode(v), 'must be a known ISO 639 language code in lower case', options);

export const IsKnownIso3 = (options?: ValidationOptions) =>
  rule('isKnownIso3', (v) => typeof v === 'string' && isIso3(v), 'must be a known ISO 3166-1 alpha-3 country code in upper case', options);

export const IsKnownRegion = (options?: ValidationOptions) =>
  rule('isKnownRegion', (v) => typeof v === 'string' && isRegion(v), 'must be a known M49 region or sub-region slug (e.g. africa, eastern-africa)', options);

/** More combining marks than this on one character is not text anyone writes (it is "Zalgo"). */
const MAX_COMBINING_RUN = 8;
const COMBINING_RUN = new RegExp(`\\p{M}{${MAX_COMBINING_RUN + 1},}`, 'u');

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text, or null. Postgres refuses NUL and unpaired surrogates. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (no unpaired surrogates)';
  if (COMBINING_RUN.test(value)) return `must not stack more than ${MAX_COMBINING_RUN} combining marks on one character`;
  return null;
}

export const IsStorableText = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isStorableText',
      validator: {
        validate: (v: unknown) => typeof v !== 'string' || textProblem(v) === null,
        defaultMessage: (args?: ValidationArguments) =>
          `$property ${typeof args?.value === 'string' ? (textProblem(args.value) ?? 'is invalid') : 'is invalid'}`,
      },
    },
    options,
  );

/** A free-text field: a string of `min`–`max` characters that Postgres can store, not blank unless allowed. */
export function TextField(min: number, max: number, { blank = false }: { blank?: boolean } = {}): PropertyDecorator {
  const rules = [IsString(), Length(min, max), IsStorableText()];
  if (!blank) rules.push(Matches(/\S/, { message: '$property must not be blank' }));
  return applyDecorators(...rules);
}

/** Largest amount of US dollars a budget may state (numeric(15, 2) holds it). */
export const MAX_USD = 1e12;

/** A finite amount of US dollars, 0–1e12, at most two decimals (1e-7 and 5e-324 are refused). */
export function isUsdAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_USD && Number(value.toFixed(2)) === value;
}

export const IsUsdAmount = (options?: ValidationOptions) =>
  rule('isUsdAmount', isUsdAmount, `must be a number of US dollars from 0 to ${MAX_USD}, with at most 2 decimals`, options);
