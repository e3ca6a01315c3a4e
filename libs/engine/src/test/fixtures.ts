import type { MatchOffer, MatchRequest, RequesterClassification } from '../types';

// Hand-built requests and offers for the engine specs. Defaults make a request from Rwanda and
// a southern provider offer that match on everything, so each spec changes only what it tests.

export const RWANDA: RequesterClassification = {
  region: 'africa',
  subregion: 'sub-saharan-africa',
  intermediateRegion: 'eastern-africa',
  developmentStatus: 'developing',
  ldc: true,
  lldc: true,
  sids: false,
  incomeGroup: 'low',
};

export const BRAZIL: RequesterClassification = {
  region: 'americas',
  subregion: 'latin-america-and-the-caribbean',
  intermediateRegion: 'south-america',
  developmentStatus: 'developing',
  ldc: false,
  lldc: false,
  sids: false,
  incomeGroup: 'upper-middle',
};

export function aRequest(overrides: Partial<MatchRequest> = {}): MatchRequest {
  return {
    id: 'req-1',
    country: 'RWA',
    classification: RWANDA,
    capacityAreas: ['language-technology', 'data'],
    modalities: ['technical-assistance', 'training'],
    sdgs: [4, 9, 10],
    targetGroups: ['rural-and-remote'],
    deliveryLanguages: ['rw', 'en', 'fr'],
    cooperationTypes: ['north-south', 'south-south', 'triangular', 'multilateral'],
    budgetUsd: 250_000,
    window: { start: '2027-01-01', end: '2027-12-31' },
    priority: 'medium',
    status: 'open',
    ...overrides,
  };
}

export function anOffer(overrides: Partial<MatchOffer> = {}): MatchOffer {
  return {
    id: 'off-1',
    providerId: 'prov-1',
    providerCountry: 'IND',
    origin: 'south',
    role: 'provider',
    capacityAreas: ['language-technology', 'data'],
    modalities: ['technical-assistance', 'training'],
    sdgs: [4, 9, 10],
    targetGroups: ['rural-and-remote'],
    deliveryLanguages: ['rw', 'en', 'fr'],
    eligibility: { regions: [], countries: [], groups: [] },
    budgetUsd: 250_000,
    window: { start: '2027-01-01', end: '2027-12-31' },
    status: 'open',
    remainingSlots: 1,
    ...overrides,
  };
}

/** A northern facilitator offer, open to everyone, that shares nothing but a language. */
export function aFacilitator(overrides: Partial<MatchOffer> = {}): MatchOffer {
  return anOffer({
    id: 'fac-1',
    providerId: 'prov-f',
    providerCountry: 'DEU',
    origin: 'north',
    role: 'facilitator',
    capacityAreas: ['compute'],
    modalities: ['financing'],
    sdgs: [],
    targetGroups: [],
    deliveryLanguages: ['en'],
    budgetUsd: 100_000,
    ...overrides,
  });
}
