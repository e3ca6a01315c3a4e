import { randomUUID } from 'node:crypto';
import { InvalidEventError, validateEvent } from './payload-validators';
import type {
  HoldOutcome, LegacyPartnershipSnapshot, OfferSnapshot, PartnershipSnapshot, RequestSnapshot, ReservationOutcome, SuggestionSnapshot,
} from './snapshots';

const NOW = '2026-01-01T00:00:00.000Z';

const request = (): RequestSnapshot => ({
  id: randomUUID(), country: 'RWA', title: 'Speech data', description: 'Corpus', language: 'en',
  capacityAreas: ['language-technology'], modalities: ['training'], sdgs: [4], targetGroups: [], deliveryLanguages: ['rw'],
  cooperationTypes: ['south-south'], budgetUsd: null, window: { start: '2027-01-01', end: '2027-12-31' },
  nationalStrategyRef: null, priority: 'medium', status: 'open',
  classification: {
    region: 'africa', subregion: 'sub-saharan-africa', intermediateRegion: null, developmentStatus: 'developing',
    ldc: true, lldc: true, sids: false, incomeGroup: null,
  },
  createdAt: NOW, updatedAt: NOW, version: 1,
});

const offer = (): OfferSnapshot => ({
  id: randomUUID(), providerId: randomUUID(), provider: { name: 'UNDP', kind: 'multilateral', country: null },
  origin: 'multilateral', title: 'Voice datasets', description: 'Open data', language: 'en', capacityAreas: ['data'],
  modalities: ['technology-transfer'], sdgs: [], targetGroups: [], deliveryLanguages: ['en'],
  eligibility: { regions: ['africa'], countries: ['RWA'], groups: ['ldc'] }, slots: 3, remainingSlots: 3,
  budgetUsd: 1000, role: 'provider', window: { start: '2026-06-01', end: '2028-12-31' }, openSource: true,
  technologyTransferTerms: null, civilianUseOnly: true, status: 'open', createdAt: NOW, updatedAt: NOW, version: 2,
});

const suggestion = (): SuggestionSnapshot => ({
  id: randomUUID(), requestId: randomUUID(), offerIds: [randomUUID(), randomUUID()], country: 'RWA',
  cooperationType: 'triangular', score: 0.8,
  explanation: [{ factor: 'capacityAreas', weight: 0.3, score: 1, detail: 'shares data' }],
  status: 'rejected', createdAt: NOW, decidedAt: NOW, decidedBy: 'coordinator-1', reason: 'not now',
});

const partnership = (): LegacyPartnershipSnapshot => ({
  id: randomUUID(), suggestionId: randomUUID(), requestId: randomUUID(), offerIds: [randomUUID()], country: 'RWA',
  cooperationType: 'south-south', createdAt: NOW,
});

const sagaPartnership = (): PartnershipSnapshot => ({
  ...partnership(), providerIds: [randomUUID()], status: 'pending',
  confirmations: [{ party: 'provider', offerId: randomUUID(), sub: 'donor-1', at: NOW }, { party: 'country', sub: 'rwa-1', at: NOW }],
  reason: null, expiresAt: NOW, agreedAt: null, endedAt: null, updatedAt: NOW, version: 1,
});

const reservation = (): ReservationOutcome => ({ partnershipId: randomUUID(), requestId: randomUUID(), offerIds: [randomUUID()] });
const hold = (): HoldOutcome => ({ partnershipId: randomUUID(), requestId: randomUUID() });

const envelope = (type: string, payload: object, extra: object = {}) => ({
  id: randomUUID(), type, occurredAt: NOW, aggregateId: randomUUID(), version: 1, payload, ...extra,
});

function fieldsOf(raw: unknown): string[] {
  try {
    validateEvent(raw);
  } catch (error) {
    if (error instanceof InvalidEventError) return error.errors.map((e) => e.field);
    throw error;
  }
  return [];
}

describe('validateEvent', () => {
  it.each([
    ['request.submitted', request()],
    ['request.withdrawn', { ...request(), status: 'withdrawn' }],
    ['offer.published', offer()],
    ['offer.updated', { ...offer(), status: 'exhausted', remainingSlots: 0 }],
    ['suggestion.proposed', { ...suggestion(), status: 'proposed', decidedAt: null, decidedBy: null, reason: null }],
    ['suggestion.rejected', suggestion()],
    ['partnership.created', partnership()],
    ['partnership.proposed', sagaPartnership()],
    ['partnership.agreed', { ...sagaPartnership(), status: 'agreed', agreedAt: NOW }],
    ['partnership.ended', { ...sagaPartnership(), status: 'declined', reason: 'declined: not now', endedAt: NOW }],
    ['reservation.made', reservation()],
    ['reservation.refused', { ...reservation(), offerId: randomUUID(), reason: 'no-slot-left' }],
    ['hold.made', hold()],
    ['hold.refused', { ...hold(), reason: 'request-withdrawn' }],
  ])('accepts a valid %s', (type, payload) => {
    const raw = envelope(type, payload, { correlationId: 'req-1' });
    expect(validateEvent(raw)).toBe(raw);
  });

  it('carries the end of an LDC smooth transition in the classification (domain.md)', () => {
    const nepal = { ...request(), country: 'NPL', classification: { ...request().classification, ldc: false, ldcTransitionUntil: '2029-11-24' } };
    expect(fieldsOf(envelope('request.submitted', nepal))).toEqual([]);
    const never = { ...request(), classification: { ...request().classification, ldcTransitionUntil: null } };
    expect(fieldsOf(envelope('request.submitted', never))).toEqual([]);
    const bad = { ...request(), classification: { ...request().classification, ldcTransitionUntil: 'in three years' } };
    expect(fieldsOf(envelope('request.submitted', bad))).toEqual(['payload.classification.ldcTransitionUntil']);
  });

  it('rejects what is not an object', () => {
    for (const raw of [null, 'text', 42, [1]]) expect(fieldsOf(raw)).toEqual(['(event)']);
  });

  it('names every bad envelope field, unknown ones included', () => {
    const raw = { ...envelope('request.exploded', request()), id: 'nope', version: -1, occurredAt: 'yesterday', extra: 1 };
    expect(fieldsOf(raw).sort()).toEqual(['extra', 'id', 'occurredAt', 'type', 'version']);
  });

  it('names bad, unknown and missing payload fields with their path', () => {
    const { title: _title, ...untitled } = request();
    const payload = {
      ...untitled, status: 'done', sdgs: [18], budgetUsd: '100', window: { start: '2027-01-01', end: 'soon' },
      classification: { ...request().classification, ldc: 'yes', colour: 'blue' }, secret: true,
    };
    expect(fieldsOf(envelope('request.updated', payload)).sort()).toEqual([
      'payload.budgetUsd', 'payload.classification.colour', 'payload.classification.ldc', 'payload.sdgs.0',
      'payload.secret', 'payload.status', 'payload.title', 'payload.window.end',
    ]);
  });

  it('refuses an offer that is not civilian-only or has a bad enum value', () => {
    const payload = { ...offer(), civilianUseOnly: false, role: 'donor', eligibility: { regions: [], countries: ['rw'], groups: ['g20'] } };
    expect(fieldsOf(envelope('offer.published', payload)).sort()).toEqual([
      'payload.civilianUseOnly', 'payload.eligibility.countries.0', 'payload.eligibility.groups.0', 'payload.role',
    ]);
  });

  it('requires nullable fields to be present', () => {
    const { decidedAt: _d, ...rest } = suggestion();
    expect(fieldsOf(envelope('suggestion.rejected', rest))).toEqual(['payload.decidedAt']);
  });

  it('checks nested explanation entries and the payload shape of the right type', () => {
    const bad = { ...suggestion(), explanation: [{ factor: 'x', weight: 2, score: 0.5, detail: 'd', note: 'n' }] };
    expect(fieldsOf(envelope('suggestion.proposed', bad)).sort()).toEqual([
      'payload.explanation.0.note', 'payload.explanation.0.weight',
    ]);
    expect(fieldsOf(envelope('partnership.created', request()))).toContain('payload.suggestionId');
  });

  it('refuses null where a field is optional, not nullable, and impossible calendar times', () => {
    expect(fieldsOf(envelope('hold.refused', { ...hold(), reason: null }))).toEqual(['payload.reason']);
    expect(fieldsOf(envelope('reservation.made', { ...reservation(), offerId: 'x' }))).toEqual(['payload.offerId']);
    expect(fieldsOf({ ...envelope('hold.made', hold()), occurredAt: '2026-02-30T10:00:00Z' })).toEqual(['occurredAt']);
    expect(fieldsOf(envelope('partnership.proposed', { ...sagaPartnership(), confirmations: [{ party: 'bank', sub: '', at: NOW }] })).sort())
      .toEqual(['payload.confirmations.0.party', 'payload.confirmations.0.sub']);
  });

  it('puts every problem in the error message', () => {
    expect(() => validateEvent(envelope('offer.withdrawn', { ...offer(), slots: 0 }))).toThrow(
      /invalid event: payload\.slots: must be >= 1/,
    );
  });
});
