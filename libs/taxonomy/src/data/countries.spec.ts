import { COUNTRIES, DATASET_AS_OF, findCountry, isLanguageCode, isRegion, regionInfo } from '../index';

// Source lists, written out independently of the dataset so a wrong flag shows up as a diff.
// UN-OHRLLS / UNSD M49: least developed countries before the November 2026 graduations (44).
const LDC_2025 =
  'AGO BEN BFA BDI CAF TCD COM COD DJI ERI ETH GMB GIN GNB LSO LBR MDG MWI MLI MRT MOZ NER RWA SEN SLE SOM SSD SDN TGO UGA TZA ZMB ' +
  'AFG BGD KHM LAO MMR NPL TLS YEM HTI KIR SLB TUV';
const LLDC =
  'AFG ARM AZE BTN BOL BWA BFA BDI CAF TCD SWZ ETH KAZ KGZ LAO LSO MWI MLI MDA MNG NPL NER MKD PRY RWA SSD TJK TKM UGA UZB ZMB ZWE';
// UN-OHRLLS: 39 States (37 UN members, Cook Islands, Niue) and 18 non-UN members / associate
// members of regional commissions. Bahrain is no longer on the list.
const SIDS_STATES =
  'ATG BHS BRB BLZ CPV COM CUB DMA DOM FJI GRD GNB GUY HTI JAM KIR MDV MHL FSM MUS NRU PLW PNG WSM STP SGP KNA LCA VCT SYC SLB SUR TLS TON TTO TUV VUT COK NIU';
const SIDS_ASSOCIATES = 'ASM AIA ABW BMU VGB CYM MNP CUW PYF GLP GUM MTQ MSR NCL PRI SXM TCA VIR';

const codes = (s: string) => s.split(' ').sort();
const iso3Where = (pred: (c: (typeof COUNTRIES)[number]) => boolean) => COUNTRIES.filter(pred).map((c) => c.iso3).sort();

describe('country dataset integrity', () => {
  it('holds 193 members, 2 observers and the 20 non-member SIDS', () => {
    expect(COUNTRIES).toHaveLength(215);
    expect(COUNTRIES.filter((c) => c.unStatus === 'member')).toHaveLength(193);
    expect(COUNTRIES.every((c) => c.unMember === (c.unStatus === 'member'))).toBe(true);
    expect(iso3Where((c) => c.unStatus === 'observer')).toEqual(['PSE', 'VAT']);
    expect(iso3Where((c) => c.unStatus === 'non-member')).toEqual(codes(`COK NIU ${SIDS_ASSOCIATES}`));
  });

  it('has unique, well-formed codes', () => {
    for (const key of ['iso3', 'iso2', 'm49', 'name'] as const) {
      expect(new Set(COUNTRIES.map((c) => c[key])).size).toBe(COUNTRIES.length);
    }
    for (const c of COUNTRIES) {
      expect(c.iso3).toMatch(/^[A-Z]{3}$/);
      expect(c.iso2).toMatch(/^[A-Z]{2}$/);
      expect(Number.isInteger(c.m49) && c.m49 > 0 && c.m49 < 1000).toBe(true);
    }
  });

  it('places every country in a valid, consistent M49 region path', () => {
    for (const c of COUNTRIES) {
      expect(regionInfo(c.region)?.level).toBe('region');
      expect(regionInfo(c.subregion)?.parent).toBe(c.region);
      if (c.intermediateRegion !== null) expect(regionInfo(c.intermediateRegion)?.parent).toBe(c.subregion);
      expect([c.region, c.subregion, c.intermediateRegion].filter((x) => x !== null).every(isRegion)).toBe(true);
    }
    // M49 has intermediate regions under these two sub-regions only, and there they are complete.
    const withIntermediate = new Set(COUNTRIES.filter((c) => c.intermediateRegion).map((c) => c.subregion));
    expect([...withIntermediate].sort()).toEqual(['latin-america-and-the-caribbean', 'sub-saharan-africa']);
  });

  it('uses only valid language codes, at least one per country', () => {
    for (const c of COUNTRIES) {
      expect(c.languages.length).toBeGreaterThan(0);
      expect(c.languages.filter((l) => !isLanguageCode(l))).toEqual([]);
      expect(new Set(c.languages).size).toBe(c.languages.length);
    }
  });

  it('dates graduations as YYYY-MM-DD and only for LDC-list countries', () => {
    for (const c of COUNTRIES.filter((x) => x.ldcGraduation !== null)) {
      expect(c.ldcGraduation).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${c.ldcGraduation}T00:00:00Z`).toISOString().slice(0, 10)).toBe(c.ldcGraduation);
    }
    expect(DATASET_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('group counts against the UN-OHRLLS lists as of the dataset date', () => {
  it('LDC: 44 before 24 Nov 2026, 41 after Bangladesh, Lao PDR and Nepal graduated', () => {
    const graduated2026 = ['BGD', 'LAO', 'NPL'];
    expect(iso3Where((c) => c.ldc)).toEqual(codes(LDC_2025).filter((x) => !graduated2026.includes(x)));
    expect(COUNTRIES.filter((c) => c.ldc)).toHaveLength(41);
  });

  it('LLDC: 32', () => {
    expect(iso3Where((c) => c.lldc)).toEqual(codes(LLDC));
  });

  it('SIDS: 39 States plus 18 associate members, 37 of them UN members', () => {
    expect(iso3Where((c) => c.sids)).toEqual(codes(`${SIDS_STATES} ${SIDS_ASSOCIATES}`));
    expect(COUNTRIES.filter((c) => c.sids && c.unMember)).toHaveLength(37);
    expect(findCountry('BHR')?.sids).toBe(false);
  });

  it('development status: 36 developed members per WESP 2025 plus the European microstates', () => {
    const developedMembers = iso3Where((c) => c.unMember && c.developmentStatus === 'developed');
    expect(developedMembers).toHaveLength(36 + 4);
    expect(iso3Where((c) => c.developmentStatus === 'transition')).toHaveLength(17);
  });
});
