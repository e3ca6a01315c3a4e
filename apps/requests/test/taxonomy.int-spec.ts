import request from 'supertest';
import { CAPACITY_AREAS, COUNTRIES, MODALITIES } from '@capmatch/taxonomy';
import { startService, type StartedService } from '../../../test/support/app';
import { AppModule } from '../src/app.module';
import { headersFor, type Caller } from './requests-fixtures';

interface CountryItem {
  iso3: string;
  [key: string]: unknown;
}

describe('taxonomy and countries', () => {
  let svc: StartedService;
  let h: Record<Caller, Record<string, string>>;
  const get = (path: string) => request(svc.http).get(path).set(h.donor);

  beforeAll(async () => {
    svc = await startService('requests', AppModule);
    h = await headersFor();
  });
  afterAll(() => svc?.close());

  describe('GET /v1/taxonomy', () => {
    it('answers in English by default, with every vocabulary value of the contract', async () => {
      const res = await get('/v1/taxonomy').expect(200);
      expect(res.headers['content-language']).toBe('en');
      expect(res.body.language).toBe('en');
      expect(res.body.capacityAreas.map((x: { value: string }) => x.value)).toEqual([...CAPACITY_AREAS]);
      expect(res.body.modalities.map((x: { value: string }) => x.value)).toEqual([...MODALITIES]);
      expect(res.body.sdgs.map((x: { value: number }) => x.value)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
      expect(res.body.regions.map((x: { value: string }) => x.value)).toEqual(
        expect.arrayContaining(['africa', 'sub-saharan-africa', 'eastern-africa', 'latin-america-and-the-caribbean']),
      );
      expect(res.body.languages).toEqual(expect.arrayContaining(['en', 'fr', 'rw', 'sw']));
      for (const entry of res.body.capacityAreas) expect(entry.label).toEqual(expect.any(String));
    });

    it.each([
      ['fr-CH, fr;q=0.9, en;q=0.8', 'fr'],
      ['zh-Hans-CN', 'zh'],
      ['ar', 'ar'],
      ['ru-RU', 'ru'],
      ['de-DE, es;q=0.5', 'es'],
      ['de-DE', 'en'],
      ['*', 'en'],
      ['en;q=0.1, ru;q=0.9', 'ru'],
    ])('Accept-Language %s → %s', async (accept, lang) => {
      const res = await get('/v1/taxonomy').set('Accept-Language', accept).expect(200);
      expect(res.headers['content-language']).toBe(lang);
      expect(res.body.language).toBe(lang);
    });

    it('labels differ by language', async () => {
      const en = (await get('/v1/taxonomy').set('Accept-Language', 'en')).body.capacityAreas[0].label;
      const fr = (await get('/v1/taxonomy').set('Accept-Language', 'fr')).body.capacityAreas[0].label;
      expect(fr).not.toBe(en);
    });
  });

  describe('GET /v1/countries', () => {
    const iso3s = async (qs: string) => {
      const res = await get(`/v1/countries?limit=200&${qs}`).expect(200);
      return (res.body.items as CountryItem[]).map((c) => c.iso3);
    };

    it('pages through the whole dataset by iso3', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: request.Response = await get(`/v1/countries?limit=37${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(37);
        seen.push(...(res.body.items as CountryItem[]).map((c) => c.iso3));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(COUNTRIES.map((c) => c.iso3).sort());
      const first = await get('/v1/countries').expect(200);
      expect(first.body.items).toHaveLength(Math.min(50, COUNTRIES.length));
    });

    it('serves the fields of the contract', async () => {
      const [rwa] = (await get('/v1/countries?limit=200&region=eastern-africa&group=lldc')).body.items.filter(
        (c: CountryItem) => c.iso3 === 'RWA',
      );
      expect(rwa).toEqual({
        iso3: 'RWA',
        iso2: 'RW',
        m49: 646,
        name: 'Rwanda',
        region: 'africa',
        subregion: 'sub-saharan-africa',
        intermediateRegion: 'eastern-africa',
        developmentStatus: 'developing',
        ldc: true,
        lldc: true,
        sids: false,
        ldcGraduation: null,
        ldcTransitionUntil: null,
        incomeGroup: 'low',
        languages: ['rw', 'en', 'fr', 'sw'],
      });
    });

    it('filters by region, sub-region and intermediate region', async () => {
      for (const region of ['africa', 'sub-saharan-africa', 'eastern-africa']) {
        const found = await iso3s(`region=${region}`);
        expect(found).toContain('RWA');
        expect(found).not.toContain('FJI');
      }
      expect(await iso3s('region=melanesia')).toContain('FJI');
      expect(await iso3s('region=eastern-africa')).not.toContain('NGA');
    });

    it('filters by group, LDC as of today', async () => {
      const ldc = await iso3s('group=ldc');
      expect(ldc).toContain('RWA');
      expect(ldc).not.toContain('BTN'); // graduated 2023-12-13
      expect(ldc).not.toContain('FJI');
      expect(await iso3s('group=lldc')).toEqual(expect.arrayContaining(['BTN', 'RWA']));
      expect(await iso3s('group=sids')).toContain('FJI');
      expect(await iso3s('group=sids')).not.toContain('RWA');
    });

    it('filters by development status, and combines filters', async () => {
      const developed = await iso3s('developmentStatus=developed');
      expect(developed).toContain('DEU');
      expect(developed).not.toContain('RWA');
      const asianLldc = await iso3s('region=asia&group=lldc');
      expect(asianLldc).toContain('BTN');
      expect(asianLldc).not.toContain('RWA');
    });

    it.each([
      ['region', 'region=atlantis'],
      ['group', 'group=poor'],
      ['developmentStatus', 'developmentStatus=rich'],
      ['limit', 'limit=0'],
      ['cursor', 'cursor=%%%'],
      ['cursor', 'cursor=bm90LWpzb24'],
      ['colour', 'colour=red'],
    ])('refuses a bad %s with 400 naming it', async (field, qs) => {
      const res = await get(`/v1/countries?${qs}`);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });
  });

  describe('GET /v1/countries/{iso3}', () => {
    it('finds a country whatever the case', async () => {
      for (const code of ['RWA', 'rwa', 'RwA']) {
        expect((await get(`/v1/countries/${code}`).expect(200)).body).toMatchObject({ iso3: 'RWA', name: 'Rwanda' });
      }
    });

    it('answers 404 for an unknown code and 400 for a malformed one', async () => {
      expect((await get('/v1/countries/XYZ')).status).toBe(404);
      for (const code of ['RW', 'RWAN', 'R1A']) {
        const res = await get(`/v1/countries/${code}`);
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'iso3' })]);
      }
    });
  });
});
