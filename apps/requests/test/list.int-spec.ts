import request from 'supertest';
import { startService, type StartedService } from '../../../test/support/app';
import { AppModule } from '../src/app.module';
import { headersFor, requestBody, RequestsDb, type Caller } from './requests-fixtures';

describe('GET /v1/requests', () => {
  let svc: StartedService;
  let db: RequestsDb;
  let h: Record<Caller, Record<string, string>>;
  const created: Record<string, string> = {};
  const http = () => request(svc.http);
  const ids = async (qs: string, who: Caller = 'coordinator') =>
    ((await http().get(`/v1/requests?${qs}`).set(h[who]).expect(200)).body.items as { id: string }[]).map((r) => r.id);

  beforeAll(async () => {
    svc = await startService('requests', AppModule);
    db = await RequestsDb.connect();
    h = await headersFor();
    await db.truncate();
    const submit = async (name: string, who: Caller, body: Record<string, unknown>) => {
      created[name] = (await http().post('/v1/requests').set(h[who]).send(requestBody(body)).expect(201)).body.id;
    };
    await submit('rwaData', 'own', { capacityAreas: ['data'], sdgs: [4] });
    await submit('rwaCompute', 'own', { capacityAreas: ['compute', 'data'], sdgs: [9, 17] });
    await submit('bgdSkills', 'other', { capacityAreas: ['skills-and-education'], sdgs: [4, 5], deliveryLanguages: ['bn'] });
    await submit('fjiPolicy', 'coordinator', { country: 'FJI', capacityAreas: ['ai-strategy-and-policy'], sdgs: [] });
    await http().post(`/v1/requests/${created.rwaCompute}/withdraw`).set(h.own).send({}).expect(200);
  });
  afterAll(async () => {
    await db?.close();
    await svc?.close();
  });

  it('lists newest first', async () => {
    expect(await ids('')).toEqual([created.fjiPolicy, created.bgdSkills, created.rwaCompute, created.rwaData]);
  });

  it('pages with limit and cursor without gaps or repeats', async () => {
    const first = (await http().get('/v1/requests?limit=3').set(h.admin).expect(200)).body;
    expect(first.items).toHaveLength(3);
    const second = (await http().get(`/v1/requests?limit=3&cursor=${first.nextCursor}`).set(h.admin).expect(200)).body;
    expect(second).toEqual({ items: [expect.objectContaining({ id: created.rwaData })], nextCursor: null });
  });

  it('filters by status', async () => {
    expect(await ids('status=withdrawn')).toEqual([created.rwaCompute]);
    expect(await ids('status=open')).toEqual([created.fjiPolicy, created.bgdSkills, created.rwaData]);
    expect(await ids('status=matched')).toEqual([]);
  });

  it('filters by country', async () => {
    expect(await ids('country=RWA')).toEqual([created.rwaCompute, created.rwaData]);
    expect(await ids('country=FJI')).toEqual([created.fjiPolicy]);
  });

  it('filters by capacity area', async () => {
    expect(await ids('capacityArea=data')).toEqual([created.rwaCompute, created.rwaData]);
    expect(await ids('capacityArea=compute')).toEqual([created.rwaCompute]);
    expect(await ids('capacityArea=public-sector-ai')).toEqual([]);
  });

  it('filters by SDG', async () => {
    expect(await ids('sdg=4')).toEqual([created.bgdSkills, created.rwaData]);
    expect(await ids('sdg=17')).toEqual([created.rwaCompute]);
  });

  it('combines filters with each other and with visibility', async () => {
    expect(await ids('capacityArea=data&status=open')).toEqual([created.rwaData]);
    expect(await ids('sdg=4', 'own')).toEqual([created.rwaData]);
    expect(await ids('capacityArea=data', 'donor')).toEqual([created.rwaData]);
  });
});
