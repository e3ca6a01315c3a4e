// UN M49 geographic regions (Standard country or area codes for statistical use, Series M,
// No. 49): region → sub-region → intermediate region. Slugs are the English M49 names in kebab
// case, as the contract asks ("sub-saharan-africa", "latin-america-and-the-caribbean").

export type RegionLevel = 'region' | 'subregion' | 'intermediate';

export interface RegionInfo {
  slug: string;
  m49: number;
  name: string;
  level: RegionLevel;
  parent: string | null;
}

const r = (slug: string, m49: number, name: string, level: RegionLevel, parent: string | null): RegionInfo => ({
  slug,
  m49,
  name,
  level,
  parent,
});

export const REGION_TREE: readonly RegionInfo[] = Object.freeze([
  r('africa', 2, 'Africa', 'region', null),
  r('northern-africa', 15, 'Northern Africa', 'subregion', 'africa'),
  r('sub-saharan-africa', 202, 'Sub-Saharan Africa', 'subregion', 'africa'),
  r('eastern-africa', 14, 'Eastern Africa', 'intermediate', 'sub-saharan-africa'),
  r('middle-africa', 17, 'Middle Africa', 'intermediate', 'sub-saharan-africa'),
  r('southern-africa', 18, 'Southern Africa', 'intermediate', 'sub-saharan-africa'),
  r('western-africa', 11, 'Western Africa', 'intermediate', 'sub-saharan-africa'),
  r('americas', 19, 'Americas', 'region', null),
  r('latin-america-and-the-caribbean', 419, 'Latin America and the Caribbean', 'subregion', 'americas'),
  r('caribbean', 29, 'Caribbean', 'intermediate', 'latin-america-and-the-caribbean'),
  r('central-america', 13, 'Central America', 'intermediate', 'latin-america-and-the-caribbean'),
  r('south-america', 5, 'South America', 'intermediate', 'latin-america-and-the-caribbean'),
  r('northern-america', 21, 'Northern America', 'subregion', 'americas'),
  r('asia', 142, 'Asia', 'region', null),
  r('central-asia', 143, 'Central Asia', 'subregion', 'asia'),
  r('eastern-asia', 30, 'Eastern Asia', 'subregion', 'asia'),
  r('south-eastern-asia', 35, 'South-eastern Asia', 'subregion', 'asia'),
  r('southern-asia', 34, 'Southern Asia', 'subregion', 'asia'),
  r('western-asia', 145, 'Western Asia', 'subregion', 'asia'),
  r('europe', 150, 'Europe', 'region', null),
  r('eastern-europe', 151, 'Eastern Europe', 'subregion', 'europe'),
  r('northern-europe', 154, 'Northern Europe', 'subregion', 'europe'),
  r('southern-europe', 39, 'Southern Europe', 'subregion', 'europe'),
  r('western-europe', 155, 'Western Europe', 'subregion', 'europe'),
  r('oceania', 9, 'Oceania', 'region', null),
  r('australia-and-new-zealand', 53, 'Australia and New Zealand', 'subregion', 'oceania'),
  r('melanesia', 54, 'Melanesia', 'subregion', 'oceania'),
  r('micronesia', 57, 'Micronesia', 'subregion', 'oceania'),
  r('polynesia', 61, 'Polynesia', 'subregion', 'oceania'),
]);

/** Every M49 region, sub-region and intermediate region slug. */
export const REGIONS: readonly string[] = Object.freeze(REGION_TREE.map((x) => x.slug));

const BY_SLUG = new Map(REGION_TREE.map((x) => [x.slug, x]));

export function isRegion(slug: string): boolean {
  return typeof slug === 'string' && BY_SLUG.has(slug);
}

export function regionInfo(slug: string): RegionInfo | undefined {
  return BY_SLUG.get(slug);
}

export interface RegionPath {
  region: string;
  subregion: string;
  intermediateRegion: string | null;
}

/** Region, sub-region and intermediate region of the most specific area a country lies in. */
export function regionPath(slug: string): RegionPath {
  const leaf = BY_SLUG.get(slug);
  if (!leaf || leaf.level === 'region') throw new Error(`not a sub-region or intermediate region: ${slug}`);
  if (leaf.level === 'subregion') return { region: leaf.parent as string, subregion: leaf.slug, intermediateRegion: null };
  const sub = BY_SLUG.get(leaf.parent as string) as RegionInfo;
  return { region: sub.parent as string, subregion: sub.slug, intermediateRegion: leaf.slug };
}
