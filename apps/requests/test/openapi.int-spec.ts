import request from 'supertest';
import { CAPACITY_AREAS } from '@capmatch/taxonomy';
import { startService, type StartedService } from '../../../test/support/app';
import { AppModule } from '../src/app.module';

describe('OpenAPI document of the requests service', () => {
  let svc: StartedService;
  let doc: any;

  beforeAll(async () => {
    svc = await startService('requests', AppModule);
    doc = (await request(svc.http).get('/docs-json').expect(200)).body;
  });
  afterAll(() => svc?.close());

  it.each([
    ['/v1/requests', ['post', 'get']],
    ['/v1/requests/{id}', ['get', 'patch']],
    ['/v1/requests/{id}/withdraw', ['post']],
    ['/v1/requests/{id}/history', ['get']],
    ['/v1/taxonomy', ['get']],
    ['/v1/countries', ['get']],
    ['/v1/countries/{iso3}', ['get']],
  ])('documents %s with its answers and problems', (path, methods) => {
    for (const method of methods) {
      const op = doc.paths[path]?.[method];
      expect(op).toBeDefined();
      expect(op.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
      const statuses = Object.keys(op.responses);
      expect(statuses.some((s) => s.startsWith('2'))).toBe(true);
      expect(statuses).toEqual(expect.arrayContaining(['401']));
      for (const s of statuses.filter((x) => Number(x) >= 400)) {
        expect(op.responses[s].content['application/problem+json']).toBeDefined();
      }
    }
  });

  it('documents fields with their enums and examples, and hides server-set fields from the input', () => {
    const create = doc.components.schemas.CreateRequestDto;
    expect(create.required).toEqual(
      expect.arrayContaining(['title', 'description', 'language', 'capacityAreas', 'modalities', 'deliveryLanguages', 'window']),
    );
    expect(create.properties.capacityAreas.items.enum).toEqual([...CAPACITY_AREAS]);
    expect(create.properties.title).toMatchObject({ minLength: 3, maxLength: 200, example: expect.any(String) });
    for (const field of ['id', 'status', 'classification', 'version', 'createdAt', 'updatedAt']) {
      expect(create.properties[field]).toBeUndefined();
    }
    const answer = doc.components.schemas.RequestDto;
    expect(answer.properties.status.enum).toEqual(['open', 'matched', 'withdrawn']);
    expect(doc.components.schemas.ProblemDocumentDto).toBeDefined();
  });
});
