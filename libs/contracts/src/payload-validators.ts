/**
 * Validators for what comes out of Redis (docs/style.md §6): the envelope and every snapshot,
 * as strict as an HTTP body. Unknown fields, missing fields, wrong types and unknown enum values
 * are all errors; `validateEvent` names every bad field in one message.
 */
import 'reflect-metadata';
import {
  ArrayMaxSize, ArrayMinSize, Equals, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsObject, IsString,
  IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested, validateSync, type ValidationError,
} from 'class-validator';
import { COOPERATION_TYPES } from '@capmatch/taxonomy';
import { EVENT_TYPES, type AnyEvent, type EventType } from './events';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO3 = /^[A-Z]{3}$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LANGUAGE = /^[a-z]{2,3}$/;
const ISO_TIME = { strict: true, strictSeparator: true } as const;

/** `null` is a value here, `undefined` (a missing key) is not. */
const Nullable = () => ValidateIf((_o, v) => v !== null);

type Ctor = new () => object;

/** The nested classes of each class's properties, recorded by `Nested` (and inherited). */
const NESTED = new Map<object, Map<string, () => Ctor>>();

/**
 * `ValidateNested` plus the class its value is checked as. Recorded here rather than with
 * class-transformer's `@Type`: `toInstance` below does that one job without a generic
 * plainToInstance round trip, which cost about as much as the validation itself.
 */
function Nested(cls: () => Ctor, each = false): PropertyDecorator {
  const validate = ValidateNested(each ? { each: true } : undefined);
  return (target, property) => {
    validate(target, property);
    const own = NESTED.get(target) ?? new Map<string, () => Ctor>();
    NESTED.set(target, own.set(String(property), cls));
  };
}

export class DateWindowDto {
  @Matches(DATE) start: string;
  @Matches(DATE) end: string;
}

export class RequestClassificationDto {
  @IsString() @Matches(SLUG) region: string;
  @IsString() @Matches(SLUG) subregion: string;
  @Nullable() @IsString() @Matches(SLUG) intermediateRegion: string | null;
  @IsIn(['developed', 'transition', 'developing']) developmentStatus: 'developed' | 'transition' | 'developing';
  @IsBoolean() ldc: boolean;
  @IsBoolean() lldc: boolean;
  @IsBoolean() sids: boolean;
  @Nullable() @IsString() @MaxLength(100) incomeGroup: string | null;
}

/** The fields requests and offers share. */
abstract class DescribedDto {
  @IsUUID() id: string;
  @IsString() @Length(1, 200) title: string;
  @IsString() @Length(1, 5000) description: string;
  @Matches(LANGUAGE) language: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @Matches(SLUG, { each: true }) capacityAreas: string[];
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @Matches(SLUG, { each: true }) modalities: string[];
  @IsArray() @ArrayMaxSize(17) @IsInt({ each: true }) @Min(1, { each: true }) @Max(17, { each: true }) sdgs: number[];
  @IsArray() @ArrayMaxSize(50) @Matches(SLUG, { each: true }) targetGroups: string[];
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @Matches(LANGUAGE, { each: true }) deliveryLanguages: string[];
  @Nullable() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) budgetUsd: number | null;
  @Nested(() => DateWindowDto) @IsObject() window: DateWindowDto;
  @IsISO8601(ISO_TIME) createdAt: string;
  @IsISO8601(ISO_TIME) updatedAt: string;
  @IsInt() @Min(0) version: number;
}

export class RequestSnapshotDto extends DescribedDto {
  @Matches(ISO3) country: string;
  @IsArray() @IsIn(COOPERATION_TYPES, { each: true }) cooperationTypes: string[];
  @Nullable() @IsString() @MaxLength(1000) nationalStrategyRef: string | null;
  @IsIn(['high', 'medium', 'low']) priority: string;
  @IsIn(['open', 'matched', 'withdrawn']) status: string;
  @Nested(() => RequestClassificationDto) @IsObject() classification: RequestClassificationDto;
}

export class ProviderSummaryDto {
  @IsString() @Length(1, 200) name: string;
  @Matches(SLUG) kind: string;
  @Nullable() @Matches(ISO3) country: string | null;
}

export class OfferEligibilityDto {
  @IsArray() @Matches(SLUG, { each: true }) regions: string[];
  @IsArray() @Matches(ISO3, { each: true }) countries: string[];
  @IsArray() @IsIn(['ldc', 'lldc', 'sids'], { each: true }) groups: string[];
}

export class OfferSnapshotDto extends DescribedDto {
  @IsUUID() providerId: string;
  @Nested(() => ProviderSummaryDto) @IsObject() provider: ProviderSummaryDto;
  @IsIn(['north', 'south', 'multilateral']) origin: string;
  @Nested(() => OfferEligibilityDto) @IsObject() eligibility: OfferEligibilityDto;
  @IsInt() @Min(1) slots: number;
  @IsInt() @Min(0) remainingSlots: number;
  @IsIn(['provider', 'facilitator']) role: string;
  @IsBoolean() openSource: boolean;
  @Nullable() @IsIn(['mutually-agreed', 'open-licence', 'none']) technologyTransferTerms: string | null;
  @Equals(true) civilianUseOnly: true;
  @IsIn(['open', 'exhausted', 'withdrawn']) status: string;
}

export class ExplanationEntryDto {
  @IsString() @Length(1, 100) factor: string;
  @IsNumber() @Min(0) @Max(1) weight: number;
  @IsNumber() @Min(0) @Max(1) score: number;
  @IsString() @MaxLength(2000) detail: string;
}

/** What suggestions and partnerships share. */
abstract class PairingDto {
  @IsUUID() id: string;
  @IsUUID() requestId: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2) @IsUUID(undefined, { each: true }) offerIds: string[];
  @Matches(ISO3) country: string;
  @IsIn(COOPERATION_TYPES) cooperationType: string;
  @IsISO8601(ISO_TIME) createdAt: string;
}

export class SuggestionSnapshotDto extends PairingDto {
  @IsNumber() @Min(0) @Max(1) score: number;
  @IsArray() @Nested(() => ExplanationEntryDto, true) explanation: ExplanationEntryDto[];
  @IsIn(['proposed', 'accepted', 'rejected', 'superseded']) status: string;
  @Nullable() @IsISO8601(ISO_TIME) decidedAt: string | null;
  @Nullable() @IsString() @MaxLength(200) decidedBy: string | null;
  @Nullable() @IsString() @MaxLength(1000) reason: string | null;
}

export class PartnershipConfirmationDto {
  @IsIn(['country', 'provider']) party: string;
  @ValidateIf((_o, v) => v !== undefined) @IsUUID() offerId?: string;
  @IsString() @Length(1, 200) sub: string;
  @IsISO8601(ISO_TIME) at: string;
}

export class PartnershipSnapshotDto extends PairingDto {
  @IsUUID() suggestionId: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2) @IsUUID(undefined, { each: true }) providerIds: string[];
  @IsIn(['pending', 'agreed', 'declined', 'cancelled', 'expired']) status: string;
  @IsArray() @ArrayMaxSize(3) @Nested(() => PartnershipConfirmationDto, true) confirmations: PartnershipConfirmationDto[];
  @Nullable() @IsString() @MaxLength(1000) reason: string | null;
  @IsISO8601(ISO_TIME) expiresAt: string;
  @Nullable() @IsISO8601(ISO_TIME) agreedAt: string | null;
  @Nullable() @IsISO8601(ISO_TIME) endedAt: string | null;
  @IsISO8601(ISO_TIME) updatedAt: string;
  @IsInt() @Min(1) version: number;
}

/** The pre-saga `partnership.created` payload (still accepted for one release). */
export class LegacyPartnershipSnapshotDto extends PairingDto {
  @IsUUID() suggestionId: string;
}

export class ReservationOutcomeDto {
  @IsUUID() partnershipId: string;
  @IsUUID() requestId: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2) @IsUUID(undefined, { each: true }) offerIds: string[];
  @ValidateIf((_o, v) => v !== undefined) @IsUUID() offerId?: string;
  @ValidateIf((_o, v) => v !== undefined) @IsString() @Length(1, 1000) reason?: string;
}

export class HoldOutcomeDto {
  @IsUUID() partnershipId: string;
  @IsUUID() requestId: string;
  @ValidateIf((_o, v) => v !== undefined) @IsString() @Length(1, 1000) reason?: string;
}

/** The snapshot class of each event type's payload. */
export const PAYLOAD_VALIDATORS: Readonly<Record<EventType, Ctor>> = Object.freeze({
  'request.submitted': RequestSnapshotDto,
  'request.updated': RequestSnapshotDto,
  'request.withdrawn': RequestSnapshotDto,
  'offer.published': OfferSnapshotDto,
  'offer.updated': OfferSnapshotDto,
  'offer.withdrawn': OfferSnapshotDto,
  'suggestion.proposed': SuggestionSnapshotDto,
  'suggestion.rejected': SuggestionSnapshotDto,
  'partnership.created': LegacyPartnershipSnapshotDto,
  'partnership.proposed': PartnershipSnapshotDto,
  'partnership.agreed': PartnershipSnapshotDto,
  'partnership.ended': PartnershipSnapshotDto,
  'reservation.made': ReservationOutcomeDto,
  'reservation.refused': ReservationOutcomeDto,
  'hold.made': HoldOutcomeDto,
  'hold.refused': HoldOutcomeDto,
});

export class EventEnvelopeDto {
  @IsUUID() id: string;
  @IsIn(EVENT_TYPES) type: EventType;
  @IsISO8601(ISO_TIME) occurredAt: string;
  @IsString() @Length(1, 200) aggregateId: string;
  @IsInt() @Min(0) version: number;
  @IsObject() payload: object;
  @ValidateIf((_o, v) => v !== undefined) @IsString() @Length(1, 200) correlationId?: string;
  @ValidateIf((_o, v) => v !== undefined) @IsString() @Length(1, 200) causationId?: string;
}

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

const STRICT = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, message: Object.values(e.constraints).join('; ') }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Every nested property of `cls`, its own and its ancestors' (computed once per class). */
const nestedCache = new Map<Ctor, [string, () => Ctor][]>();
function nestedOf(cls: Ctor): [string, () => Ctor][] {
  let found = nestedCache.get(cls);
  if (!found) {
    found = [];
    for (let proto = cls.prototype as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
      for (const entry of NESTED.get(proto) ?? []) found.push(entry);
    }
    nestedCache.set(cls, found);
  }
  return found;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A copy of `raw` with `cls`'s prototype (so class-validator finds the class's rules), nested
 * objects likewise; other values are left as they are for the validators to judge.
 */
function toInstance(cls: Ctor, raw: Record<string, unknown>): object {
  const instance = Object.assign(Object.create(cls.prototype) as Record<string, unknown>, raw);
  for (const [property, nested] of nestedOf(cls)) {
    const value = instance[property];
    if (isRecord(value)) instance[property] = toInstance(nested(), value);
    else if (Array.isArray(value)) instance[property] = value.map((v: unknown) => (isRecord(v) ? toInstance(nested(), v) : v));
  }
  return instance;
}

function check(cls: Ctor, raw: Record<string, unknown>, prefix: string): FieldError[] {
  return flatten(validateSync(toInstance(cls, raw), STRICT), prefix);
}

/** Validates an event from outside (Redis, a file, a test) and returns it typed. */
export function validateEvent(raw: unknown): AnyEvent {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidEventError([{ field: '(event)', message: 'must be a JSON object' }]);
  }
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  const isObject = isRecord(payload);
  // The payload is checked below by its own class; copying it into the envelope check is waste.
  const errors = check(EventEnvelopeDto, isObject ? { ...raw, payload: {} } : (raw as Record<string, unknown>), '');
  const validator = typeof type === 'string' && Object.hasOwn(PAYLOAD_VALIDATORS, type) ? PAYLOAD_VALIDATORS[type as EventType] : undefined;
  if (validator && isObject) {
    errors.push(...check(validator, payload, 'payload'));
  }
  if (errors.length > 0) throw new InvalidEventError(errors);
  return raw as AnyEvent;
}
