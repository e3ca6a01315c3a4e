import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import {
  QUEUES,
  type AnyEvent,
  type OfferSnapshot,
  type PartnershipSnapshot,
  type SuggestionSnapshot,
} from '@capmatch/contracts';

const NOW = '2026-12-01T09:00:00.000Z';

export function offerOf(providerId: string, overrides: Partial<OfferSnapshot> = {}): OfferSnapshot {
  return {
    id: randomUUID(), providerId, provider: { name: 'Provider', kind: 'government', country: 'DEU' }, origin: 'north',
    title: 'Offer', description: 'An offer.', language: 'en', capacityAreas: ['data'], modalities: ['training'], sdgs: [4],
    targetGroups: [], deliveryLanguages: ['en'], eligibility: { regions: [], countries: [], groups: [] }, slots: 2,
    remainingSlots: 2, budgetUsd: null, role: 'provider', window: { start: '2027-01-01', end: '2027-12-31' }, openSource: false,
    technologyTransferTerms: null, civilianUseOnly: true, status: 'open', createdAt: NOW, updatedAt: NOW, version: 1,
    ...overrides,
  };
}

export function suggestionOf(country: string, offerIds: string[]): SuggestionSnapshot {
  return {
    id: randomUUID(), requestId: randomUUID(), offerIds, country, cooperationType: 'north-south', score: 0.8,
    explanation: [{ factor: 'capacityAreas', weight: 0.25, score: 1, detail: 'shares data' }], status: 'proposed',
    createdAt: NOW, decidedAt: null, decidedBy: null, reason: null,
  };
}

export function partnershipOf(suggestion: SuggestionSnapshot, providerIds: string[]): PartnershipSnapshot {
  return {
    id: randomUUID(), suggestionId: suggestion.id, requestId: suggestion.requestId, offerIds: suggestion.offerIds, providerIds,
    country: suggestion.country, cooperationType: suggestion.cooperationType, status: 'pending', confirmations: [], reason: null,
    expiresAt: '2027-01-01T09:00:00.000Z', agreedAt: null, endedAt: null, createdAt: NOW, updatedAt: NOW, version: 1,
  };
}

export function envelopeOf<E extends AnyEvent>(type: E['type'], payload: E['payload'], version = 1): E {
  const id = (payload as { id?: string; partnershipId?: string }).id ?? randomUUID();
  return { id: randomUUID(), type, occurredAt: new Date().toISOString(), aggregateId: id, version, payload } as E;
}

/** Puts events on the notifications service's queue exactly as a relay does (job name = type, id = event id). */
export class NotificationsFeed {
  private readonly queue = new Queue(QUEUES.notifications, {
    connection: { url: process.env.REDIS_URL },
    prefix: process.env.QUEUE_PREFIX,
  });

  async publish(...events: AnyEvent[]): Promise<void> {
    await this.queue.addBulk(
      events.map((e) => ({ name: e.type, data: e, opts: { jobId: e.id, attempts: 8, backoff: { type: 'exponential', delay: 50 } } })),
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
