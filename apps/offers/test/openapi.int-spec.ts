import request from 'supertest';
import { CAPACITY_AREAS, PROVIDER_KINDS } from '@capmatch/taxonomy';
import { startService, type StartedService } from '../../../test/support/app';
import { waitForQuiet } from '../../../test/support/quiet';
import { resetState } from '../../../test/support/reset';
import { AppModule } from '../src/app.module';
import type { Json } from './offers-fixtures';

describe('offers OpenAPI document', () => {
  let svc: StartedService;
  let doc: Json;

  beforeAll(async () => {
    svc = await startService('offers', AppModule);
    doc = (await request(svc.http).get('/docs-json').expect(200)).body;
    // Closing while BullMQ is still connecting races inside BullMQ (an unhandled "Connection is
    // closed"); letting the bus settle first keeps this short suite from closing that early.
    await resetState();
    await waitForQuiet();
  });
  afterAll(() => svc?.close());

  it.each([
    ['/v1/providers', 'post', ['201', '400', '401', '403']],
    ['/v1/providers', 'get', ['200', '400', '401']],
    ['/v1/providers/{id}', 'get', ['200', '401', '404']],
    ['/v1/offers', 'post', ['201', '400', '401', '403']],
    ['/v1/offers', 'get', ['200', '400', '401']],
    ['/v1/offers/{id}', 'get', ['200', '401', '404']],
    ['/v1/offers/{id}', 'patch', ['200', '400', '401', '403', '404', '409']],
    ['/v1/offers/{id}/withdraw', 'post', ['200', '400', '401', '403', '404', '409']],
    ['/v1/offers/{id}/history', 'get', ['200', '401', '403', '404']],
  ])('documents %s %s with its answers', (path, method, statuses) => {
    const op = doc.paths[path]?.[method];
    expect(op).toBeDefined();
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(statuses));
    expect(op.summary).toEqual(expect.any(String));
  });

  it('documents every offer field with its enums and limits', () => {
    const schemas = doc.components.schemas;
    const create = schemas.CreateOfferDto;
    expect(create.required).toEqual(
      expect.arrayContaining(['title', 'description', 'language', 'capacityAreas', 'modalities', 'deliveryLanguages', 'slots', 'window', 'civilianUseOnly']),
    );
    expect(create.properties.capacityAreas.items.enum).toEqual([...CAPACITY_AREAS]);
    expect(create.properties.title).toMatchObject({ minLength: 3, maxLength: 200 });
    expect(create.properties.slots).toMatchObject({ minimum: 1, maximum: 1000 });
    expect(Object.keys(create.properties)).toEqual(expect.arrayContaining(['eligibility', 'role', 'openSource', 'technologyTransferTerms', 'providerId']));
    expect(Object.keys(schemas.OfferResponseDto.properties)).toEqual(
      expect.arrayContaining(['id', 'providerId', 'provider', 'origin', 'status', 'remainingSlots', 'createdAt', 'updatedAt', 'version']),
    );
    expect(schemas.CreateProviderDto.properties.kind.enum).toEqual([...PROVIDER_KINDS]);
    expect(schemas.ProblemDocumentDto).toBeDefined();
  });
});
