import {
  CAPACITY_AREAS,
  LABELS,
  LANGS,
  MODALITIES,
  REGIONS,
  SDGS,
  isRegion,
  regionPath,
  taxonomy,
  taxonomyFor,
} from './index';

describe('vocabularies', () => {
  it('match the contract lists', () => {
    expect(CAPACITY_AREAS).toHaveLength(10);
    expect(MODALITIES).toHaveLength(10);
    expect(SDGS).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  });

  it('list every M49 region, sub-region and intermediate region slug in kebab case', () => {
    expect(REGIONS).toHaveLength(29);
    for (const slug of ['africa', 'sub-saharan-africa', 'eastern-africa', 'asia', 'south-eastern-asia', 'latin-america-and-the-caribbean', 'oceania']) {
      expect(isRegion(slug)).toBe(true);
    }
    expect(REGIONS.every((s) => /^[a-z]+(-[a-z]+)*$/.test(s))).toBe(true);
    expect(isRegion('Africa')).toBe(false);
    expect(isRegion('world')).toBe(false);
  });

  it('resolves an intermediate region to its sub-region and region', () => {
    expect(regionPath('eastern-africa')).toEqual({ region: 'africa', subregion: 'sub-saharan-africa', intermediateRegion: 'eastern-africa' });
    expect(regionPath('western-asia')).toEqual({ region: 'asia', subregion: 'western-asia', intermediateRegion: null });
    expect(() => regionPath('africa')).toThrow();
  });
});

describe('labels', () => {
  it.each(LANGS.map((l) => [l]))('are complete and non-empty in %s', (lang) => {
    const set = LABELS[lang];
    expect(Object.keys(set.regions).sort()).toEqual([...REGIONS].sort());
    expect(set.sdgs).toHaveLength(17);
    const strings = Object.values(set).flatMap((group) => Object.values(group as Record<string, string>));
    expect(strings.every((s) => typeof s === 'string' && s.trim().length > 0)).toBe(true);
  });

  it('carry the official SDG short titles', () => {
    expect(LABELS.en.sdgs[0]).toBe('No poverty');
    expect(LABELS.en.sdgs[16]).toBe('Partnerships for the goals');
    expect(LABELS.fr.sdgs[3]).toBe('Éducation de qualité');
    expect(LABELS.es.sdgs[12]).toBe('Acción por el clima');
    expect(LABELS.zh.sdgs[4]).toBe('性别平等');
  });
});

describe('taxonomy', () => {
  it('serves every vocabulary with labels in the language asked for', () => {
    const body = taxonomy('fr');
    expect(body.language).toBe('fr');
    expect(body.capacityAreas.map((x) => x.value)).toEqual([...CAPACITY_AREAS]);
    expect(body.groups).toContainEqual({ value: 'ldc', label: 'Pays les moins avancés' });
    expect(body.sdgs[0]).toEqual({ value: 1, label: 'Pas de pauvreté' });
    expect(body.regions.find((r) => r.value === 'eastern-africa')).toEqual({
      value: 'eastern-africa',
      label: 'Afrique orientale',
      m49: 14,
      level: 'intermediate',
      parent: 'sub-saharan-africa',
    });
    expect(body.cooperationTypes.map((x) => x.value)).toEqual(['north-south', 'south-south', 'triangular', 'multilateral']);
    expect(body.priorities.map((x) => x.value)).toEqual(['high', 'medium', 'low']);
    expect(body.languages).toContain('rw');
  });

  it('falls back to English for an unsupported language and parses Accept-Language', () => {
    expect(taxonomy('de' as never).language).toBe('en');
    expect(taxonomyFor('ru-RU,ru;q=0.9').capacityAreas[0].label).toBe('Стратегия и политика в области ИИ');
    expect(taxonomyFor(undefined).language).toBe('en');
  });
});
