import { RequestEntity } from './request.entity';
import { diffSnapshots, initialChanges, toSnapshot } from './request.mapper';

const entity = (): RequestEntity =>
  Object.assign(new RequestEntity(), {
    id: '7a1c8f80-5a8b-4f4e-9d59-2d1f7d6a0c11',
    country: 'RWA',
    title: 'Speech data',
    description: 'd',
    language: 'en',
    capacityAreas: ['data'],
    modalities: ['training'],
    sdgs: [4],
    targetGroups: [],
    deliveryLanguages: ['rw'],
    cooperationTypes: ['south-south'],
    budgetUsd: null,
    windowStart: '2027-01-01',
    windowEnd: '2027-12-31',
    nationalStrategyRef: null,
    priority: 'medium',
    status: 'open',
    classification: {
      region: 'africa',
      subregion: 'sub-saharan-africa',
      intermediateRegion: 'eastern-africa',
      developmentStatus: 'developing',
      ldc: true,
      lldc: true,
      sids: false,
      incomeGroup: 'low',
    },
    createdBy: 'focal-point',
    createdAt: new Date('2026-11-25T10:00:00.000Z'),
    updatedAt: new Date('2026-11-25T10:00:00.000Z'),
    version: 1,
  });

describe('toSnapshot', () => {
  it('gives exactly the fields of RequestSnapshot', () => {
    expect(Object.keys(toSnapshot(entity())).sort()).toEqual(
      [
        'id', 'country', 'title', 'description', 'language', 'capacityAreas', 'modalities', 'sdgs', 'targetGroups',
        'deliveryLanguages', 'cooperationTypes', 'budgetUsd', 'window', 'nationalStrategyRef', 'priority', 'status',
        'classification', 'createdAt', 'updatedAt', 'version',
      ].sort(),
    );
    expect(toSnapshot(entity())).toMatchObject({ window: { start: '2027-01-01', end: '2027-12-31' }, createdAt: '2026-11-25T10:00:00.000Z' });
  });
});

describe('diffSnapshots', () => {
  it('lists each changed field with before and after, and ignores version and timestamps', () => {
    const before = toSnapshot(entity());
    const after = toSnapshot(
      Object.assign(entity(), { title: 'New', windowEnd: '2028-01-01', budgetUsd: 5, version: 2, updatedAt: new Date() }),
    );
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'title', from: 'Speech data', to: 'New' },
      { field: 'budgetUsd', from: null, to: 5 },
      { field: 'window', from: { start: '2027-01-01', end: '2027-12-31' }, to: { start: '2027-01-01', end: '2028-01-01' } },
    ]);
  });

  it('records every starting field on submission', () => {
    const changes = initialChanges(toSnapshot(entity()));
    expect(changes.map((c) => c.field)).toContain('country');
    expect(changes.every((c) => c.from === null)).toBe(true);
  });
});
