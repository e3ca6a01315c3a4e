import fc from 'fast-check';
import { InvalidFieldsException } from '../http/invalid-fields.exception';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips any sort values', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.uuid(), (createdAt, id) => {
        expect(decodeCursor(encodeCursor({ createdAt, id }), ['createdAt', 'id'])).toEqual({ createdAt, id });
      }),
    );
  });

  it.each([
    ['not base64url', '%%%'],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['an array', encodeCursor(['a'] as never)],
    ['missing key', encodeCursor({ id: 'x' })],
    ['extra key', encodeCursor({ createdAt: 'a', id: 'b', more: 'c' })],
    ['non-string value', Buffer.from(JSON.stringify({ createdAt: 1, id: 'b' })).toString('base64url')],
  ])('refuses %s naming cursor', (_, cursor) => {
    try {
      decodeCursor(cursor, ['createdAt', 'id']);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidFieldsException);
      expect((error as InvalidFieldsException).errors[0].field).toBe('cursor');
    }
  });
});
