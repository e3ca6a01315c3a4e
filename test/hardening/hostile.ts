// Arbitraries of hostile input for the fuzz suite: strings Postgres cannot store, numbers
// class-validator trips on, prototype keys, bodies too deep or too wide, malformed JSON, and
// values for paths, queries and headers.
import fc from 'fast-check';

export type Json = Record<string, unknown>;

const NASTY_STRINGS = [
  '',
  ' ',
  '   ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  `e${'\u0301'.repeat(60)}`,
  '0000-01-01',
  '2027-02-30',
  '9999-12-31',
  '1e-7',
  '0x10',
  'NaN',
  'Infinity',
  '__proto__',
  'constructor',
  "'; DROP TABLE requests; --",
  '%00',
  '../../etc/passwd',
  'x'.repeat(6000),
  '\u202e\u200b',
  '😀'.repeat(300),
];

export const hostileString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

export const hostileNumber = fc.oneof(
  fc.constantFrom(1e-7, 0.0000001, 5e-324, -1e-7, 1e308, -1, 0, -0, 2 ** 53 + 1, 1e12 + 0.01, 0.005, 1.999),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const leaf = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));

/** Any JSON value, a few levels deep, with hostile leaves and now and then a prototype key. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype')), tie('value'), {
    maxKeys: 5,
  }),
})).value;

const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}${close.repeat(depth)}`;

/** Raw body texts: malformed JSON, too deep, too wide, not an object. */
export const hostileRawBody = fc.oneof(
  fc.constantFrom('{', '{"a":', 'nul', '[1,]', '{"title": "x",}', "{'a':1}", '\u0000', '"just a string"', '42', 'true', 'null', '[]'),
  fc.integer({ min: 30, max: 3000 }).map((d) => nested(d, '[', ']')),
  fc.integer({ min: 30, max: 200 }).map((d) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`),
  fc.integer({ min: 990, max: 5000 }).map((n) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])))),
  fc.integer({ min: 990, max: 3000 }).map((n) => JSON.stringify({ capacityAreas: Array.from({ length: n }, () => 'data') })),
  fc.constant('{"__proto__": {"polluted": true}}'),
  fc.constant(`{"constructor": {"prototype": {"x": 1}}}`),
);

/** A valid body with one field (or an unknown one) replaced by something hostile. */
export function mutated(valid: Json): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc
    .record({
      key: fc.oneof(fc.constantFrom(...keys), fc.constantFrom('__proto__', 'constructor', 'id', 'status', 'version'), fc.string({ maxLength: 10 })),
      value: fc.oneof(hostileJson, fc.constant(undefined)),
      nestedKey: fc.option(fc.constantFrom('start', 'end', 'regions', 'countries', 'groups', '__proto__'), { nil: undefined }),
    })
    .map(({ key, value, nestedKey }) => {
      const body: Json = JSON.parse(JSON.stringify(valid));
      // Own properties only: body['__proto__'] would be Object.prototype, and writing there pollutes this process.
      const own = Object.hasOwn(body, key) ? body[key] : undefined;
      const target = nestedKey && typeof own === 'object' && own !== null ? (own as Json) : body;
      Object.defineProperty(target, nestedKey && target !== body ? nestedKey : key, { value, enumerable: true, configurable: true, writable: true });
      return body;
    });
}

/** Percent-encodes every byte but the unreserved ones; unlike encodeURIComponent, never throws (lone surrogates). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** Path segments where an id or a code goes. */
export const hostileSegment = fc.oneof(
  hostileString.map(percentEncode),
  fc.constantFrom('%00', '%ZZ', '%F0%9F', '%C0%AF', '..', '.', 'a'.repeat(3000), '00000000-0000-0000-0000-000000000000', 'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ', 'rwa', 'QZX', '1e3', '0x10'),
  fc.uuid().map((u) => u.toUpperCase()),
);

const headerChar = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff })).map((c) => String.fromCharCode(c));
/** Header values a client can put on the wire (no CR, LF or NUL: fetch refuses those itself). */
export const hostileHeaderValue = fc.oneof(
  fc.string({ unit: headerChar, maxLength: 300 }),
  fc.constantFrom('', ' ', 'Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic YTpi', '"3"', 'W/"1"', '*', '"-1"', '"99999999999"', '0x10', 'x'.repeat(8000)),
);
