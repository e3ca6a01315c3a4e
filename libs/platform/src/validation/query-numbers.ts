import { Transform } from 'class-transformer';

/**
 * Query strings carry text; `Number()` would read `0x10` as 16 and `1e1` as 10. These accept
 * plain decimal digits only and leave anything else as the string it was, for IsInt/IsNumber
 * to refuse naming the parameter.
 */
export const QueryInt = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value));

/** A decimal number such as `0.75` (no sign, exponent, hexadecimal or blanks). */
export const QueryDecimal = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,9}(\.\d{1,9})?$/.test(value) ? Number(value) : value));
