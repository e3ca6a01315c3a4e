/**
 * Validation of what comes out of Redis (docs/style.md §6): the envelope and every payload, as
 * strict as an HTTP body. Unknown fields, missing fields, wrong types and unknown enum values
 * are all errors; `validateEvent` names every bad field in one message. The schemas
 * (payload-schemas.ts) are compiled once into one ajv function per event type, envelope and
 * payload together: a valid event costs a few microseconds, no reflection, no copies.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { EVENT_TYPES, type AnyEvent, type EventType } from './events';
import { PAYLOAD_SCHEMAS, envelopeSchema } from './payload-schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ISO 8601 date and time with a zone, as the services write it (Date.toISOString and kin).
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const ajv = new Ajv({
  allErrors: true, // every bad field named, not only the first
  strict: true,
  formats: {
    uuid: UUID,
    // The pattern, and a real calendar moment (no 2026-02-30, no hour 25).
    'iso-time': (value: string) => {
      const parts = ISO_TIME.exec(value);
      return parts !== null && realDay(Number(parts[1]), Number(parts[2]), Number(parts[3])) && !Number.isNaN(Date.parse(value));
    },
  },
});

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Date.parse rolls 2026-02-30 over to March, so the day is checked against its month here (by
 * arithmetic: this runs for every time field of every event a worker takes).
 */
function realDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

const VALIDATORS = new Map<string, ValidateFunction>(
  EVENT_TYPES.map((type) => [type, ajv.compile(envelopeSchema(EVENT_TYPES, PAYLOAD_SCHEMAS[type]))]),
);
/** For an unknown or missing type: checks the envelope, so the message names `type` too. */
const ANY_TYPE = ajv.compile(envelopeSchema(EVENT_TYPES, { type: 'object' }));

export interface FieldError {
  field: string;
  message: string;
}

/** Thrown by validateEvent; `errors` names every bad field (`payload.window.start`, …). */
export class InvalidEventError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`invalid event: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

/** ajv's `/payload/window/start` as `payload.window.start`; missing and unknown keys by their own name. */
function fieldOf(error: ErrorObject): string {
  const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') path.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty));
  return path.join('.');
}

function messageOf(error: ErrorObject): string {
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'additionalProperties') return 'is not allowed';
  if (error.keyword === 'enum') return `must be one of: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
  if (error.keyword === 'format') return error.params.format === 'uuid' ? 'must be a UUID' : 'must be an ISO 8601 date and time';
  return error.message ?? 'is invalid';
}

/** One entry per field, its messages joined, in the order ajv found them. */
function fieldErrors(errors: readonly ErrorObject[]): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    const field = fieldOf(error) || '(event)';
    const messages = byField.get(field) ?? [];
    const message = messageOf(error);
    if (!messages.includes(message)) messages.push(message);
    byField.set(field, messages);
  }
  return [...byField].map(([field, messages]) => ({ field, message: messages.join('; ') }));
}

/** Validates an event from outside (Redis, a file, a test) and returns it typed. */
export function validateEvent(raw: unknown): AnyEvent {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidEventError([{ field: '(event)', message: 'must be a JSON object' }]);
  }
  const type = (raw as { type?: unknown }).type;
  const validate = (typeof type === 'string' && VALIDATORS.get(type as EventType)) || ANY_TYPE;
  if (!validate(raw)) throw new InvalidEventError(fieldErrors(validate.errors ?? []));
  return raw as AnyEvent;
}
