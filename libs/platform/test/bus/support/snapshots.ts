import { randomUUID } from 'node:crypto';
import type { NewEvent, RequestSnapshot } from '@capmatch/contracts';

export function requestSnapshot(overrides: Partial<RequestSnapshot> = {}): RequestSnapshot {
  return {
    id: randomUUID(), country: 'RWA', title: 'Kinyarwanda speech data', description: 'Speech corpus', language: 'en',
    capacityAreas: ['language-technology'], modalities: ['training'], sdgs: [4, 9], targetGroups: ['rural-and-remote'],
    deliveryLanguages: ['rw', 'en'], cooperationTypes: ['south-south'], budgetUsd: 250000,
    window: { start: '2027-01-01', end: '2027-12-31' }, nationalStrategyRef: null, priority: 'high', status: 'open',
    classification: {
      region: 'africa', subregion: 'sub-saharan-africa', intermediateRegion: 'eastern-africa',
      developmentStatus: 'developing', ldc: true, lldc: true, sids: false, incomeGroup: 'low',
    },
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1,
    ...overrides,
  };
}

/** A request.submitted (version 1) or request.updated (later versions) of one request. */
export function requestEvent(aggregateId: string, version = 1, overrides: Partial<RequestSnapshot> = {}): NewEvent {
  const payload = requestSnapshot({ id: aggregateId, version, ...overrides });
  return version === 1
    ? { type: 'request.submitted', aggregateId, version, payload }
    : { type: 'request.updated', aggregateId, version, payload };
}
