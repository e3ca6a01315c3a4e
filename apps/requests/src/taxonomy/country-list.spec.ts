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
    const bgd = (day: string) => listCountries({ region: 'southern-asia' }, 200, undefined, new Date(day)).items.find((c) => c.iso3 === 'BGD');
    expect(bgd('2026-11-23')?.ldc).toBe(true);
    expect(bgd('2026-11-24')?.ldc).toBe(false);
    expect(listCountries({ group: 'ldc' }, 200, undefined, new Date('2026-11-23')).items.map((c) => c.iso3)).toContain('BGD');
  });

  it('refuses a cursor it did not hand out', () => {
    expect(() => listCountries({}, 10, 'e30', today)).toThrow();
  });
});
