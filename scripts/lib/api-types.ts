// Request and offer bodies as the contract's POST endpoints take them (docs/contract.md).
// Scripts build these by hand; the services validate them, so a typo here shows up as a 400.

import type { CooperationType, ProviderKind } from '@capmatch/taxonomy';

// The vocabularies are listed once, in libs/taxonomy.
export type { CooperationType, ProviderKind };

export interface DateWindow {
  start: string;
  end: string;
}

export interface RequestBody {
  title: string;
  description: string;
  language: string;
  capacityAreas: string[];
  modalities: string[];
  sdgs?: number[];
  targetGroups?: string[];
  deliveryLanguages: string[];
  cooperationTypes?: CooperationType[];
  budgetUsd?: number;
  window: DateWindow;
  nationalStrategyRef?: string;
  priority?: 'high' | 'medium' | 'low';
  country?: string;
}

export interface OfferBody {
  title: string;
  description: string;
  language: string;
  capacityAreas: string[];
  modalities: string[];
  sdgs?: number[];
  targetGroups?: string[];
  deliveryLanguages: string[];
  eligibility?: { regions: string[]; countries: string[]; groups: Array<'ldc' | 'lldc' | 'sids'> };
  slots: number;
  budgetUsd?: number;
  role?: 'provider' | 'facilitator';
  window: DateWindow;
  openSource?: boolean;
  technologyTransferTerms?: 'mutually-agreed' | 'open-licence' | 'none';
  civilianUseOnly: true;
  providerId?: string;
}

export interface ProviderBody {
  name: string;
  kind: ProviderKind;
  country?: string;
}

export interface ExplanationEntry {
  factor: string;
  weight: number;
  score: number;
  detail: string;
}

export interface Suggestion {
  id: string;
  requestId: string;
  offerIds: string[];
  cooperationType: CooperationType;
  score: number;
  explanation: ExplanationEntry[];
  status: 'proposed' | 'accepted' | 'rejected' | 'superseded';
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
