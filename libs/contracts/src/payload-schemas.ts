/**
 * JSON Schemas of every event payload and of the envelope, as strict as an HTTP body: every
 * field required (nullable ones must be present as null), no unknown field, enums closed.
 * Each object schema must list exactly the keys of its snapshot type in snapshots.ts (a field
 * added there and forgotten here does not compile), and PAYLOAD_SCHEMAS must name every
 * EventType for the same reason. Compiled once by payload-validators.ts.
 */
import { COOPERATION_TYPES } from '@capmatch/taxonomy';
import type { EventEnvelope, EventType } from './events';
import type {
  DateWindow, ExplanationEntry, HoldOutcome, LegacyPartnershipSnapshot, OfferEligibility, OfferSnapshot,
  PartnershipConfirmation, PartnershipSnapshot, ProviderSummary, RequestClassification, RequestSnapshot,
  ReservationOutcome, SuggestionSnapshot,
} from './snapshots';

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const ISO3 = '^[A-Z]{3}$';
const SLUG = '^[a-z0-9]+(-[a-z0-9]+)*$';
const LANGUAGE = '^[a-z]{2,3}$';

// Small builders for the repeated shapes.
const text = (minLength: number, maxLength: number) => ({ type: 'string', minLength, maxLength }) as const;
const pattern = (p: string) => ({ type: 'string', pattern: p }) as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const time = { type: 'string', format: 'iso-time' } as const;
const nullableTime = { type: 'string', format: 'iso-time', nullable: true } as const;
const list = <T extends object>(items: T, minItems = 0, maxItems = 1000) => ({ type: 'array', items, minItems, maxItems }) as const;
const oneOf = <T extends readonly string[]>(values: T) => ({ type: 'string', enum: values }) as const;

/** A JSON Schema object (ajv checks the schemas themselves when it compiles them). */
export type Schema = Readonly<Record<string, unknown>>;

/**
 * An object schema for `T`: one property schema per key of T, every key required unless listed
 * in `optional` (a missing optional key is fine, null is not), nothing else allowed.
 */
function strict<T>(properties: { [K in keyof T]-?: Schema }, optional: readonly (keyof T & string)[] = []): Schema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k as keyof T & string)),
    additionalProperties: false,
  };
}

const dateWindow = strict<DateWindow>({ start: pattern(DATE), end: pattern(DATE) });

const classification = strict<RequestClassification>({
  region: pattern(SLUG),
  subregion: pattern(SLUG),
  intermediateRegion: { ...pattern(SLUG), nullable: true },
  developmentStatus: oneOf(['developed', 'transition', 'developing']),
  ldc: { type: 'boolean' },
  lldc: { type: 'boolean' },
  sids: { type: 'boolean' },
  incomeGroup: { ...text(0, 100), nullable: true },
  ldcTransitionUntil: { ...pattern(DATE), nullable: true },
}, ['ldcTransitionUntil']);

/** The fields requests and offers share. */
const described = {
  id: uuid,
  title: text(1, 200),
  description: text(1, 5000),
  language: pattern(LANGUAGE),
  capacityAreas: list(pattern(SLUG), 1, 50),
  modalities: list(pattern(SLUG), 1, 50),
  sdgs: list({ type: 'integer', minimum: 1, maximum: 17 }, 0, 17),
  targetGroups: list(pattern(SLUG), 0, 50),
  deliveryLanguages: list(pattern(LANGUAGE), 1, 50),
  budgetUsd: { type: 'number', minimum: 0, nullable: true },
  window: dateWindow,
  createdAt: time,
  updatedAt: time,
  version: { type: 'integer', minimum: 0 },
};

const request = strict<RequestSnapshot>({
  ...described,
  country: pattern(ISO3),
  cooperationTypes: list(oneOf(COOPERATION_TYPES)),
  nationalStrategyRef: { ...text(0, 1000), nullable: true },
  priority: oneOf(['high', 'medium', 'low']),
  status: oneOf(['open', 'matched', 'withdrawn']),
  classification,
});

const provider = strict<ProviderSummary>({
  name: text(1, 200),
  kind: pattern(SLUG),
  country: { ...pattern(ISO3), nullable: true },
});

const eligibility = strict<OfferEligibility>({
  regions: list(pattern(SLUG)),
  countries: list(pattern(ISO3)),
  groups: list(oneOf(['ldc', 'lldc', 'sids'])),
});

const offer = strict<OfferSnapshot>({
  ...described,
  providerId: uuid,
  provider,
  origin: oneOf(['north', 'south', 'multilateral']),
  eligibility,
  slots: { type: 'integer', minimum: 1 },
  remainingSlots: { type: 'integer', minimum: 0 },
  role: oneOf(['provider', 'facilitator']),
  openSource: { type: 'boolean' },
  technologyTransferTerms: { type: 'string', enum: ['mutually-agreed', 'open-licence', 'none', null], nullable: true },
  civilianUseOnly: { type: 'boolean', const: true },
  status: oneOf(['open', 'exhausted', 'withdrawn']),
});

const explanationEntry = strict<ExplanationEntry>({
  factor: text(1, 100),
  weight: { type: 'number', minimum: 0, maximum: 1 },
  score: { type: 'number', minimum: 0, maximum: 1 },
  detail: text(0, 2000),
});

/** What suggestions and partnerships share. */
const pairing = {
  id: uuid,
  requestId: uuid,
  offerIds: list(uuid, 1, 2),
  country: pattern(ISO3),
  cooperationType: oneOf(COOPERATION_TYPES),
  createdAt: time,
};

const suggestion = strict<SuggestionSnapshot>({
  ...pairing,
  score: { type: 'number', minimum: 0, maximum: 1 },
  explanation: list(explanationEntry),
  status: oneOf(['proposed', 'accepted', 'rejected', 'superseded']),
  decidedAt: nullableTime,
  decidedBy: { ...text(0, 200), nullable: true },
  reason: { ...text(0, 1000), nullable: true },
});

const confirmation = strict<PartnershipConfirmation>(
  { party: oneOf(['country', 'provider']), offerId: uuid, sub: text(1, 200), at: time },
  ['offerId'],
);

const partnership = strict<PartnershipSnapshot>({
  ...pairing,
  suggestionId: uuid,
  providerIds: list(uuid, 1, 2),
  status: oneOf(['pending', 'agreed', 'declined', 'cancelled', 'expired']),
  confirmations: list(confirmation, 0, 3),
  reason: { ...text(0, 1000), nullable: true },
  expiresAt: time,
  agreedAt: nullableTime,
  endedAt: nullableTime,
  updatedAt: time,
  version: { type: 'integer', minimum: 1 },
});

const legacyPartnership = strict<LegacyPartnershipSnapshot>({ ...pairing, suggestionId: uuid });

const reservation = strict<ReservationOutcome>(
  { partnershipId: uuid, requestId: uuid, offerIds: list(uuid, 1, 2), offerId: uuid, reason: text(1, 1000) },
  ['offerId', 'reason'],
);

const hold = strict<HoldOutcome>({ partnershipId: uuid, requestId: uuid, reason: text(1, 1000) }, ['reason']);

/** The payload schema of each event type. */
export const PAYLOAD_SCHEMAS = Object.freeze({
  'request.submitted': request,
  'request.updated': request,
  'request.withdrawn': request,
  'offer.published': offer,
  'offer.updated': offer,
  'offer.withdrawn': offer,
  'suggestion.proposed': suggestion,
  'suggestion.rejected': suggestion,
  'partnership.created': legacyPartnership,
  'partnership.proposed': partnership,
  'partnership.agreed': partnership,
  'partnership.ended': partnership,
  'reservation.made': reservation,
  'reservation.refused': reservation,
  'hold.made': hold,
  'hold.refused': hold,
} satisfies Record<EventType, Schema>);

/** The envelope around `payload` (the event type's schema, or any object when the type is unknown). */
export function envelopeSchema(types: readonly string[], payload: Schema): Schema {
  return strict<EventEnvelope>(
    {
      id: uuid,
      type: { type: 'string', enum: types },
      occurredAt: time,
      aggregateId: text(1, 200),
      version: { type: 'integer', minimum: 0 },
      payload,
      correlationId: text(1, 200),
      causationId: text(1, 200),
    },
    ['correlationId', 'causationId'],
  );
}
