// The whole of capmatch inside one jest worker: the four services (and, when asked, several
// matching instances) booted as in production by startService, on the worker's database and
// queue prefix (env.setup.ts), each on its own ephemeral port. Cross-service tests drive them
// only through HTTP and observe them only through HTTP, as clients would.
import { AppModule as MatchingModule } from '../../apps/matching/src/app.module';
import { AppModule as NotificationsModule } from '../../apps/notifications/src/app.module';
import { AppModule as OffersModule } from '../../apps/offers/src/app.module';
import { AppModule as RequestsModule } from '../../apps/requests/src/app.module';
import { Client } from 'pg';
import { SERVICES } from '@capmatch/contracts';
import { startService, type StartedService } from './app';

export interface StackOptions {
  /** How many matching instances share the database and queues (default 1). */
  matchingInstances?: number;
  /** Drop the services' schemas first so the stack starts empty (default true). */
  fresh?: boolean;
  /** Variables for the matching instances only (say PARTNERSHIP_EXPIRY_SECONDS). */
  matchingEnv?: Record<string, string>;
  /** Variables for the notifications service only (e.g. WEBHOOK_ALLOW_PRIVATE), restored on close. */
  notificationsEnv?: Record<string, string | undefined>;
}

export interface Stack {
  requests: StartedService;
  offers: StartedService;
  /** The first matching instance. */
  matching: StartedService;
  /** Every matching instance, the first included. */
  matchers: StartedService[];
  notifications: StartedService;
  /** Starts one more matching instance on the same database and queues. */
  addMatcher(): Promise<StartedService>;
  /** Stops the first matching instance and starts a new one in its place (same database and queues). */
  restartMatcher(): Promise<StartedService>;
  /** Stops every service, matching instances first (they produce the events others consume). */
  close(): Promise<void>;
}

/**
 * Drops the service schemas of the worker database, if it exists. Truncating tables
 * under running services is not enough: matching keeps an in-memory index of its projections,
 * so a clean slate has to exist before the services start. The queue prefix is per process
 * (env.setup.ts), so no earlier run's jobs can reach this one.
 */
export async function dropServiceSchemas(databaseUrl = process.env.DATABASE_URL as string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!name.includes('test')) throw new Error(`Refusing to drop schemas of database "${name}": its name must contain "test"`);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const probe = new Client({ connectionString: admin.toString() });
  await probe.connect();
  const { rowCount } = await probe.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]).finally(() => probe.end());
  if (!rowCount) return;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`DROP SCHEMA IF EXISTS ${SERVICES.map((x) => `"${x}"`).join(', ')} CASCADE`);
  } finally {
    await db.end();
  }
}

/**
 * Starts requests, offers, matching and notifications one after another: each runs its own
 * migrations on start-up, and the first also creates the worker database, which would race if
 * all of them tried at once on a fresh machine. Notifications starts last and stops first.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const started: StartedService[] = [];
  const stopAll = async () => {
    for (const service of started.reverse()) await service.close();
    started.length = 0;
  };
  if (options.fresh ?? true) await dropServiceSchemas();
  try {
    const requests = await startService('requests', RequestsModule);
    started.push(requests);
    const offers = await startService('offers', OffersModule);
    started.push(offers);
    const matchers: StartedService[] = [];
    const addMatcher = async () => {
      const matcher = await startService('matching', MatchingModule, options.matchingEnv);
      started.push(matcher);
      matchers.push(matcher);
      return matcher;
    };
    for (let i = 0; i < Math.max(1, options.matchingInstances ?? 1); i++) await addMatcher();
    const notifications = await startService('notifications', NotificationsModule, options.notificationsEnv);
    started.push(notifications);
    const stack: Stack = {
      requests, offers, matching: matchers[0], matchers, notifications, addMatcher, close: stopAll,
      restartMatcher: async () => {
        const old = matchers.shift() as StartedService;
        started.splice(started.indexOf(old), 1);
        await old.close();
        const fresh = await addMatcher();
        matchers.unshift(matchers.pop() as StartedService);
        stack.matching = fresh;
        return fresh;
      },
    };
    return stack;
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * Runs the enclosing describe block against one stack: started before its tests, closed after
 * them. `ready` receives the stack once it is up (to build the block's scenario over it).
 */
export function useStack(ready: (stack: Stack) => void, options: StackOptions = {}): void {
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = await startStack(options);
    ready(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });
}
