import type { FieldError } from '../http/invalid-fields.exception';

/** Contract limits on a JSON body, enforced before any validation work. */
export const MAX_BODY_DEPTH = 32;
export const MAX_KEYS_PER_OBJECT = 1000;
/** Keys that name the prototype machinery: refused as unknown fields rather than dropped silently. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Walks a parsed JSON body with an explicit stack (never recursion, which a deep body would
 * overflow) and returns what breaks the limits: nesting deeper than 32, more than 1,000 keys in
 * one object (or items in one array), prototype keys. Stops at the first limit it meets, so the
 * cost is bounded by the body size, never by its shape.
 */
export function bodyShapeProblems(body: unknown): FieldError[] {
  const problems: FieldError[] = [];
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: body, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    const field = path || 'body';
    if (depth >= MAX_BODY_DEPTH) return [{ field, message: `nests deeper than ${MAX_BODY_DEPTH} levels` }];
    if (Array.isArray(value)) {
      if (value.length > MAX_KEYS_PER_OBJECT) return [{ field, message: `has more than ${MAX_KEYS_PER_OBJECT} items` }];
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], depth: depth + 1, path: join(path, String(i)) });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_KEYS_PER_OBJECT) return [{ field, message: `has more than ${MAX_KEYS_PER_OBJECT} keys` }];
    for (const key of keys) {
      if (PROTOTYPE_KEYS.has(key)) {
        problems.push({ field: join(path, key), message: `property ${key} should not exist` });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: join(path, key) });
    }
  }
  return problems;
}
