import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ConfigurationError } from '@capmatch/platform';
import { startService } from '../../../test/support/app';
import { ProbeModule } from './support/probe.module';

const root = resolve(__dirname, '../../..');

/** Runs an app's main.ts from source with extra variables, as a process of its own. */
const runMain = (app: string, env: Record<string, string>) =>
  spawnSync(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('configuration at start-up', () => {
  it.each([
    ['DATABASE_URL', 'mysql://localhost/capmatch'],
    ['REDIS_URL', 'localhost:6379'],
    ['RATE_LIMIT_PER_MINUTE', 'many'],
    ['LOG_LEVEL', 'loud'],
    ['JWT_SECRET', 'short'],
    ['BUS_ATTEMPTS', '0'],
    ['PROBE_LEVEL', '0'],
  ])('refuses a bad %s, naming it', async (variable, value) => {
    const started = startService('requests', ProbeModule, { [variable]: value });
    await expect(started).rejects.toThrow(ConfigurationError);
    await expect(started).rejects.toThrow(new RegExp(`${variable} \\(`));
  });

  it('refuses to start in production without JWT_SECRET or JWT_JWKS_URL', async () => {
    const started = startService('requests', ProbeModule, { NODE_ENV: 'production', JWT_SECRET: undefined });
    await expect(started).rejects.toThrow(/JWT_SECRET \(unset\): required in production/);
  });

  it('a service process exits 1 with a message naming the variable', () => {
    const run = runMain('offers', { OFFERS_PORT: 'eighty' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('OFFERS_PORT ("eighty")');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('the console process exits 1 the same way', () => {
    const run = runMain('console', { CONSOLE_PORT: 'eighty' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('capmatch-console: ');
    expect(run.stderr).toContain('CONSOLE_PORT ("eighty")');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
