import { diffFields } from './diff-fields';

describe('diffFields', () => {
  const before = { title: 'A', tags: ['x', 'y'], window: { start: '2026-01-01', end: '2026-02-01' }, budget: null as number | null, version: 1 };

  it('lists only the given fields that changed, in the order given, with old and new values', () => {
    const after = { ...before, budget: 100, title: 'B', version: 2 };
    expect(diffFields(before, after, ['budget', 'tags', 'title'])).toEqual([
      { field: 'budget', from: null, to: 100 },
      { field: 'title', from: 'A', to: 'B' },
    ]);
  });

  it('compares arrays and objects by value, not by reference', () => {
    const after = { ...before, tags: ['x', 'y'], window: { start: '2026-01-01', end: '2026-02-01' } };
    expect(diffFields(before, after, ['tags', 'window'])).toEqual([]);
  });

  it('sees a reordered array or a changed nested value as a change', () => {
    const after = { ...before, tags: ['y', 'x'], window: { ...before.window, end: '2026-03-01' } };
    expect(diffFields(before, after, ['tags', 'window']).map((c) => c.field)).toEqual(['tags', 'window']);
  });

  it('ignores fields it is not asked about', () => {
    expect(diffFields(before, { ...before, version: 9 }, ['title'])).toEqual([]);
  });
});
