import request from 'supertest';
import { validateEvent } from '@capmatch/contracts';
import { startService, type StartedService } from '../../../test/support/app';
import { tokenFor } from '../../../test/support/tokens';
import { AppModule } from '../src/app.module';
import { requestBody, RequestsDb } from './requests-fixtures';

// domain.md, "Smooth transition": the request's classification records the end of a graduated
// LDC's transition, its graduation date plus LDC_SMOOTH_TRANSITION_YEARS (configured here as 5).
describe('requests: LDC smooth transition with LDC_SMOOTH_TRANSITION_YEARS=5', () => {
  let svc: StartedService;
  let db: RequestsDb;

  beforeAll(async () => {
    svc = await startService('requests', AppModule, { LDC_SMOOTH_TRANSITION_YEARS: '5' });
    db = await RequestsDb.connect();
  });
  beforeEach(() => db.truncate());
  afterAll(async () => {
    await db?.close();
    await svc?.close();
  });

  it('records Nepal as ldc: false with ldcTransitionUntil five years after 2026-11-24, in the snapshot and its event', async () => {
    const token = await tokenFor({ sub: 'focal-npl', role: 'country', country: 'NPL' });
    const res = await request(svc.http).post('/v1/requests').auth(token, { type: 'bearer' }).send(requestBody());
    expect(res.status).toBe(201);
    expect(res.body.classification).toMatchObject({ ldc: false, lldc: true, ldcTransitionUntil: '2031-11-24' });
    const [event] = await db.events(res.body.id);
    expect(event.payload.classification.ldcTransitionUntil).toBe('2031-11-24');
    const envelope = { id: event.id, type: event.type, version: event.version, aggregateId: event.aggregate_id, occurredAt: res.body.createdAt, payload: event.payload };
    expect(() => validateEvent(envelope)).not.toThrow();
  });

  it('shows the same end on the country endpoint, and null for a country that never left the LDC list', async () => {
    const token = await tokenFor({ sub: 'coord-1', role: 'coordinator' });
    const nepal = await request(svc.http).get('/v1/countries/npl').auth(token, { type: 'bearer' });
    expect(nepal.body).toMatchObject({ ldc: false, ldcGraduation: '2026-11-24', ldcTransitionUntil: '2031-11-24' });
    const rwanda = await request(svc.http).get('/v1/countries/RWA').auth(token, { type: 'bearer' });
    expect(rwanda.body).toMatchObject({ ldc: true, ldcTransitionUntil: null });
  });
});
