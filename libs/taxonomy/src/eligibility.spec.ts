import { classificationOn, findCountry, isEligible, ldcTransitionUntil, servedAsLdcOn, type Eligibility } from './index';

const requester = (iso3: string, date = '2026-11-25') => {
  const classification = classificationOn(iso3, date);
  if (!classification) throw new Error(`missing ${iso3}`);
  return { country: iso3, classification };
};
const rules = (e: Partial<Eligibility>): Eligibility => ({ regions: [], countries: [], groups: [], ...e });

describe('isEligible', () => {
  it('admits every requester when eligibility is absent or all lists are empty', () => {
    expect(isEligible(requester('RWA'), undefined)).toBe(true);
    expect(isEligible(requester('RWA'), null)).toBe(true);
    expect(isEligible(requester('RWA'), rules({}))).toBe(true);
  });

  it('admits a listed country, case-insensitively', () => {
    expect(isEligible(requester('KEN'), rules({ countries: ['KEN'] }))).toBe(true);
    expect(isEligible(requester('KEN'), rules({ countries: ['ken'] }))).toBe(true);
    expect(isEligible(requester('UGA'), rules({ countries: ['KEN'] }))).toBe(false);
  });

  it('matches a region, a sub-region or an intermediate region the requester lies in', () => {
    const rwanda = requester('RWA');
    expect(isEligible(rwanda, rules({ regions: ['africa'] }))).toBe(true);
    expect(isEligible(rwanda, rules({ regions: ['sub-saharan-africa'] }))).toBe(true);
    expect(isEligible(rwanda, rules({ regions: ['eastern-africa'] }))).toBe(true);
    expect(isEligible(rwanda, rules({ regions: ['western-africa'] }))).toBe(false);
    expect(isEligible(rwanda, rules({ regions: ['northern-africa'] }))).toBe(false);
    expect(isEligible(requester('EGY'), rules({ regions: ['africa'] }))).toBe(true);
    expect(isEligible(requester('EGY'), rules({ regions: ['sub-saharan-africa'] }))).toBe(false);
  });

  it('does not widen a sub-region to its parent region', () => {
    expect(isEligible(requester('IND'), rules({ regions: ['south-eastern-asia'] }))).toBe(false);
    expect(isEligible(requester('VNM'), rules({ regions: ['south-eastern-asia'] }))).toBe(true);
  });

  it('matches a group from the requester classification', () => {
    expect(isEligible(requester('FJI'), rules({ groups: ['sids'] }))).toBe(true);
    expect(isEligible(requester('MNG'), rules({ groups: ['lldc'] }))).toBe(true);
    expect(isEligible(requester('MNG'), rules({ groups: ['ldc'] }))).toBe(false);
  });

  it('follows LDC graduation through the classification at submission, and the smooth transition after it', () => {
    const ldcOnly = rules({ groups: ['ldc'] });
    expect(isEligible(requester('BGD', '2026-06-01'), ldcOnly, '2026-06-01')).toBe(true);
    expect(requester('BGD', '2026-11-25').classification.ldc).toBe(false);
    expect(isEligible(requester('BGD', '2026-11-25'), ldcOnly, '2026-11-25')).toBe(true);
    expect(isEligible(requester('BGD', '2026-11-25'), ldcOnly, '2030-01-01')).toBe(false);
  });

  it('treats the lists as alternatives (OR)', () => {
    const e = rules({ regions: ['africa'], groups: ['sids'], countries: ['NPL'] });
    expect(isEligible(requester('JAM'), e)).toBe(true);
    expect(isEligible(requester('NPL'), e)).toBe(true);
    expect(isEligible(requester('KEN'), e)).toBe(true);
    expect(isEligible(requester('PER'), e)).toBe(false);
  });

  it('tolerates lists missing from a partially filled eligibility', () => {
    expect(isEligible(requester('KEN'), { regions: ['africa'] } as unknown as Eligibility)).toBe(true);
  });
});

describe('LDC smooth transition (domain.md)', () => {
  const ldcOnly = { regions: [], countries: [], groups: ['ldc' as const] };
  const requester = (iso3: string) => ({ country: iso3, classification: classificationOn(iso3, '2026-12-01')! });

  it.each(['BGD', 'LAO', 'NPL'])('%s graduated on 2026-11-24 and stays served as an LDC until 2029-11-24', (iso3) => {
    const country = findCountry(iso3)!;
    expect(ldcTransitionUntil(country)).toBe('2029-11-24');
    expect(requester(iso3).classification.ldc).toBe(false);
    expect(isEligible(requester(iso3), ldcOnly, '2026-12-01')).toBe(true);
    expect(isEligible(requester(iso3), ldcOnly, '2029-11-23')).toBe(true);
    expect(isEligible(requester(iso3), ldcOnly, '2029-11-24')).toBe(false);
    expect(ldcTransitionUntil(country, 5)).toBe('2031-11-24');
  });

  it('reads the transition from the recorded classification, so a configured length counts', () => {
    const nepal = requester('NPL');
    const longer = { ...nepal, classification: { ...nepal.classification, ldcTransitionUntil: '2031-11-24' } };
    expect(isEligible(longer, ldcOnly, '2030-06-01')).toBe(true);
    const ended = { ...nepal, classification: { ...nepal.classification, ldcTransitionUntil: '2026-11-30' } };
    expect(isEligible(ended, ldcOnly, '2026-12-01')).toBe(false);
    const recordedBefore = { ...nepal, classification: { ...nepal.classification, ldcTransitionUntil: undefined } };
    expect(isEligible(recordedBefore, ldcOnly, '2026-12-01')).toBe(true);
  });

  it('a country that never was an LDC has no transition', () => {
    expect(ldcTransitionUntil(findCountry('BRA')!)).toBeNull();
    expect(isEligible(requester('BRA'), ldcOnly, '2026-12-01')).toBe(false);
    expect(servedAsLdcOn(findCountry('RWA')!, '2026-12-01')).toBe(true);
  });
});
