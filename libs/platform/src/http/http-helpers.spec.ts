import type { ValidationError } from '@nestjs/common';
import { parseIdempotencyKey } from '../idempotency/idempotency.interceptor';
import { parseIfMatch } from './if-match.decorator';
import { InvalidFieldsException } from './invalid-fields.exception';
import { flattenValidationErrors } from './validation.pipe';

describe('flattenValidationErrors', () => {
  it('names nested fields with dotted paths', () => {
    const errors = [
      { property: 'capacityAreas', constraints: { isIn: 'bad value' }, children: [] },
      {
        property: 'window',
        children: [{ property: 'start', constraints: { matches: 'must be a date' }, children: [] }],
      },
      { property: 'eligibility', children: [{ property: 'regions', children: [{ property: '0', constraints: { isIn: 'x' } }] }] },
    ] as ValidationError[];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'capacityAreas', message: 'bad value' },
      { field: 'window.start', message: 'must be a date' },
      { field: 'eligibility.regions.0', message: 'x' },
    ]);
  });
});

describe('parseIfMatch', () => {
  it.each([
    [undefined, undefined],
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    ['*', undefined],
  ])('%s → %s', (header, expected) => expect(parseIfMatch(header)).toBe(expected));

  it.each(['abc', '"-1"', '"1.5"', '"1", "2"'])('refuses %s naming If-Match', (header) => {
    expect(() => parseIfMatch(header)).toThrow(InvalidFieldsException);
  });
});

describe('parseIdempotencyKey', () => {
  it('accepts 1-255 printable characters', () => {
    expect(parseIdempotencyKey('a')).toBe('a');
    expect(parseIdempotencyKey('x'.repeat(255))).toHaveLength(255);
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });
  it.each(['', 'x'.repeat(256), 'tab\there', 'é'])('refuses %j', (key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(InvalidFieldsException);
  });
});
