import { classificationOn, findCountry, isIso3, isLdcOn, maySubmitRequests, toIsoDate } from './index';

const country = (iso3: string) => {
  const c = findCountry(iso3);
  if (!c) throw new Error(`missing ${iso3}`);
  return c;
};

describe('findCountry / isIso3', () => {
  it('finds case-insensitively, isIso3 wants the contract upper case', () => {
    expect(findCountry('rwa')?.iso3).toBe('RWA');
    expect(findCountry('Rwa')?.name).toBe('Rwanda');
    expect(isIso3('RWA')).toBe(true);
    expect(isIso3('rwa')).toBe(false);
  });

  it('answers undefined / false for unknown or non-string codes', () => {
    expect(findCountry('QZX')).toBeUndefined();
    expect(findCountry('')).toBeUndefined();
    expect(findCountry(undefined as unknown as string)).toBeUndefined();
    expect(isIso3('XKX')).toBe(false);
    expect(isIso3(42 as unknown as string)).toBe(false);
  });
});

describe('isLdcOn', () => {
  it('is true before the graduation date and false from that date on', () => {
    const bgd = country('BGD');
    expect(isLdcOn(bgd, '2026-11-23')).toBe(true);
    expect(isLdcOn(bgd, '2026-11-24')).toBe(false);
    expect(isLdcOn(bgd, new Date('2026-11-24T23:59:59Z'))).toBe(false);
    expect(isLdcOn(country('BTN'), '2023-12-12')).toBe(true);
    expect(isLdcOn(country('BTN'), '2023-12-13')).toBe(false);
    expect(isLdcOn(country('STP'), '2024-12-12')).toBe(true);
    expect(isLdcOn(country('STP'), '2025-01-01')).toBe(false);
  });

  it('keeps a scheduled graduation in the future', () => {
    expect(isLdcOn(country('SLB'), '2027-12-12')).toBe(true);
    expect(isLdcOn(country('SLB'), '2027-12-13')).toBe(false);
    expect(isLdcOn(country('KHM'), '2029-12-18')).toBe(true);
    expect(isLdcOn(country('KHM'), '2030-01-01')).toBe(false);
  });

  it('is true at any date for an LDC without a graduation date, false for a never-LDC', () => {
    expect(isLdcOn(country('AGO'), '2040-01-01')).toBe(true);
    expect(isLdcOn(country('KEN'), '2000-01-01')).toBe(false);
  });

  it('refuses an invalid date instead of guessing', () => {
    expect(() => isLdcOn(country('BGD'), 'not a date')).toThrow(RangeError);
  });
});

describe('classificationOn', () => {
  it('takes LDC status at the date asked, the rest from the dataset', () => {
    expect(classificationOn('NPL', '2026-01-15')).toEqual({
      region: 'asia',
      subregion: 'southern-asia',
      intermediateRegion: null,
      developmentStatus: 'developing',
      ldc: true,
      lldc: true,
      sids: false,
      incomeGroup: 'lower-middle',
      ldcTransitionUntil: '2029-11-24',
    });
    expect(classificationOn('NPL', '2026-01-15', 5)?.ldcTransitionUntil).toBe('2031-11-24');
    expect(classificationOn('BRA', '2026-01-15')?.ldcTransitionUntil).toBeNull();
    expect(classificationOn('npl', new Date('2026-12-01T00:00:00Z'))?.ldc).toBe(false);
  });

  it('includes the intermediate region where M49 has one', () => {
    expect(classificationOn('HTI', '2026-01-01')).toMatchObject({
      region: 'americas',
      subregion: 'latin-america-and-the-caribbean',
      intermediateRegion: 'caribbean',
      ldc: true,
      sids: true,
    });
  });

  it('is undefined for an unknown country', () => {
    expect(classificationOn('ZZZ', '2026-01-01')).toBeUndefined();
  });
});

describe('maySubmitRequests', () => {
  it('admits developing and transition economies', () => {
    expect(maySubmitRequests('RWA')).toBe(true);
    expect(maySubmitRequests('KAZ')).toBe(true);
    expect(maySubmitRequests('UKR')).toBe(true);
    expect(maySubmitRequests('kor')).toBe(true);
  });

  it('refuses developed and unknown countries', () => {
    expect(maySubmitRequests('DEU')).toBe(false);
    expect(maySubmitRequests('JPN')).toBe(false);
    expect(maySubmitRequests('QZX')).toBe(false);
  });
});

describe('toIsoDate', () => {
  it('normalises dates and date-times to UTC calendar dates', () => {
    expect(toIsoDate('2026-11-24')).toBe('2026-11-24');
    expect(toIsoDate('2026-11-24T23:30:00-02:00')).toBe('2026-11-25');
    expect(toIsoDate(new Date(Date.UTC(2024, 11, 13)))).toBe('2024-12-13');
  });
});
