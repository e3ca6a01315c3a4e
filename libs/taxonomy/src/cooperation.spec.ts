import { cooperationTypeOf, originOf } from './index';

describe('originOf', () => {
  it('makes international organisations and development banks multilateral, with or without a country', () => {
    expect(originOf({ kind: 'multilateral', country: null })).toBe('multilateral');
    expect(originOf({ kind: 'development-bank', country: null })).toBe('multilateral');
    expect(originOf({ kind: 'development-bank', country: 'PHL' })).toBe('multilateral');
  });

  it('makes a provider from a developed country north', () => {
    expect(originOf({ kind: 'government', country: 'DEU' })).toBe('north');
    expect(originOf({ kind: 'academia', country: 'jpn' })).toBe('north');
    expect(originOf({ kind: 'private-sector', country: 'USA' })).toBe('north');
    // An OECD DAC member classified developing by WESP (KOICA's offers are North–South).
    expect(originOf({ kind: 'government', country: 'KOR' })).toBe('north');
  });

  it('makes a provider from a developing or transition economy south', () => {
    expect(originOf({ kind: 'government', country: 'IND' })).toBe('south');
    expect(originOf({ kind: 'government', country: 'BRA' })).toBe('south');
    expect(originOf({ kind: 'academia', country: 'KAZ' })).toBe('south');
    expect(originOf({ kind: 'civil-society', country: 'RUS' })).toBe('south');
  });

  it('refuses a country-bound provider without a known country', () => {
    expect(() => originOf({ kind: 'government', country: null })).toThrow(RangeError);
    expect(() => originOf({ kind: 'academia', country: 'QZX' })).toThrow(RangeError);
  });
});

describe('cooperationTypeOf', () => {
  it('types a single provider offer by its origin', () => {
    expect(cooperationTypeOf([{ origin: 'north', role: 'provider' }])).toBe('north-south');
    expect(cooperationTypeOf([{ origin: 'south', role: 'provider' }])).toBe('south-south');
    expect(cooperationTypeOf([{ origin: 'multilateral', role: 'provider' }])).toBe('multilateral');
  });

  it('types a southern provider with a northern or multilateral facilitator as triangular', () => {
    expect(cooperationTypeOf([{ origin: 'south', role: 'provider' }, { origin: 'north', role: 'facilitator' }])).toBe('triangular');
    expect(cooperationTypeOf([{ origin: 'south', role: 'provider' }, { origin: 'multilateral', role: 'facilitator' }])).toBe(
      'triangular',
    );
  });

  it('rejects every other combination (contract rule 9)', () => {
    expect(cooperationTypeOf([])).toBeNull();
    expect(cooperationTypeOf([{ origin: 'north', role: 'facilitator' }])).toBeNull();
    expect(cooperationTypeOf([{ origin: 'south', role: 'provider' }, { origin: 'south', role: 'facilitator' }])).toBeNull();
    expect(cooperationTypeOf([{ origin: 'north', role: 'provider' }, { origin: 'multilateral', role: 'facilitator' }])).toBeNull();
    expect(cooperationTypeOf([{ origin: 'north', role: 'facilitator' }, { origin: 'south', role: 'provider' }])).toBeNull();
    expect(cooperationTypeOf([{ origin: 'south', role: 'provider' }, { origin: 'south', role: 'provider' }])).toBeNull();
    const three = [
      { origin: 'south', role: 'provider' },
      { origin: 'north', role: 'facilitator' },
      { origin: 'multilateral', role: 'facilitator' },
    ] as const;
    expect(cooperationTypeOf(three)).toBeNull();
  });
});
