import { COUNTRIES } from '@capmatch/taxonomy';
import { listCountries } from './country-list';

const today = new Date('2026-11-25T12:00:00Z');

describe('listCountries', () => {
  it('walks the whole dataset in iso3 order, page by page', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = listCountries({}, 10, cursor, today);
      seen.push(...page.items.map((c) => c.iso3));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(COUNTRIES.map((c) => c.iso3).sort());
  });

  it('evaluates LDC membership on the given day', () => {
    const graduate = COUNTRIES.find((c) => c.ldcGraduation !== null) as (typeof COUNTRIES)[number];
    const graduation = new Date(`${graduate.ldcGraduation}T00:00:00Z`);
    const dayBefore = new Date(graduation.getTime() - 86_400_000);
    const find = (day: Date) => listCountries({ group: 'ldc' }, 200, undefined, day).items.map((c) => c.iso3);
    expect(find(dayBefore)).toContain(graduate.iso3);
    expect(find(graduation)).not.toContain(graduate.iso3);
  });

  it('refuses a cursor it did not hand out', () => {
    expect(() => listCountries({}, 10, 'e30', today)).toThrow();
  });
});
