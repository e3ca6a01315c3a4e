import request from 'supertest';
import { AppModule } from '../../../apps/requests/src/app.module';
import { startService, type StartedService } from '../../../test/support/app';

describe('platform boot', () => {
  let svc: StartedService;
  beforeAll(async () => {
    svc = await startService('requests', AppModule);
  });
  afterAll(() => svc?.close());

  it('answers /health/ready', async () => {
    const res = await request(svc.http).get('/health/ready');
    expect(res.status).toBe(200);
  });
});
