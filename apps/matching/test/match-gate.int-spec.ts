import { DataSource } from 'typeorm';
import { ensureDatabase } from '@capmatch/platform';
import { GateUpgradeRefused, lockGateExclusive, lockGateShared } from '../src/matcher/match-locks';
import { holdGateShared } from './gate-holder';

/** The gate upgrade that batches of request and offer events rely on (match-locks.ts). */
describe('match gate', () => {
  let ds: DataSource;
  beforeAll(async () => {
    const url = process.env.DATABASE_URL as string;
    await ensureDatabase(url, 'matching');
    ds = new DataSource({ type: 'postgres', url, poolSize: 4 });
    await ds.initialize();
  });
  afterAll(() => ds.destroy());

  const othersCanShare = () =>
    ds.transaction(async (m) => ((await m.query('SELECT pg_try_advisory_xact_lock_shared(7301, 1) AS ok')) as Array<{ ok: boolean }>)[0].ok);

  it('refuses to upgrade a shared gate another transaction shares, without waiting', async () => {
    const release = await holdGateShared(ds);
    await expect(
      ds.transaction(async (m) => {
        await lockGateShared(m);
        await lockGateExclusive(m);
      }),
    ).rejects.toBeInstanceOf(GateUpgradeRefused);
    await release();
  });

  it('upgrades a shared gate nobody else holds, and then excludes every other holder', async () => {
    await ds.transaction(async (m) => {
      await lockGateShared(m);
      await lockGateExclusive(m);
      await lockGateShared(m); // already held more strongly: no-op
      expect(await othersCanShare()).toBe(false);
    });
    expect(await othersCanShare()).toBe(true);
  });
});
