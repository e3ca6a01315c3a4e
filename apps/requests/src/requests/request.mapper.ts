import type { RequestSnapshot } from '@capmatch/contracts';
import { diffFields } from '@capmatch/platform';
import type { FieldChange } from './request-history.entity';
import type { RequestEntity } from './request.entity';

/** The contract's shape of a request: the HTTP answer and every event payload. */
export function toSnapshot(r: RequestEntity): RequestSnapshot {
  return {
    id: r.id,
    country: r.country,
    title: r.title,
    description: r.description,
    language: r.language,
    capacityAreas: [...r.capacityAreas],
    modalities: [...r.modalities],
    sdgs: [...r.sdgs],
    targetGroups: [...r.targetGroups],
    deliveryLanguages: [...r.deliveryLanguages],
    cooperationTypes: [...r.cooperationTypes],
    budgetUsd: r.budgetUsd,
    window: { start: r.windowStart, end: r.windowEnd },
    nationalStrategyRef: r.nationalStrategyRef,
    priority: r.priority,
    status: r.status,
    classification: { ...r.classification },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** Fields a client can change; server-kept fields (version, timestamps) never appear in a diff. */
const TRACKED = [
  'title',
  'description',
  'language',
  'capacityAreas',
  'modalities',
  'sdgs',
  'targetGroups',
  'deliveryLanguages',
  'cooperationTypes',
  'budgetUsd',
  'window',
  'nationalStrategyRef',
  'priority',
  'status',
] as const satisfies readonly (keyof RequestSnapshot)[];

/** Field-level differences between two states of one request, for the audit trail. */
export function diffSnapshots(before: RequestSnapshot, after: RequestSnapshot): FieldChange[] {
  return diffFields(before, after, TRACKED);
}

/** The submission entry lists every field the request starts with. */
export function initialChanges(snapshot: RequestSnapshot): FieldChange[] {
  return (['country', ...TRACKED] as const).map((field) => ({ field, from: null, to: snapshot[field] }));
}
