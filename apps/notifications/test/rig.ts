import { startService, type StartedService } from '../../../test/support/app';
import { resetState } from '../../../test/support/reset';
import { AppModule } from '../src/app.module';
import { NotificationsFeed } from './events';
import { TestReceiver } from './receiver';

/** The notifications service under test, a real receiver and a feed of events into its queue. */
export interface NotificationsRig {
  svc: StartedService;
  receiver: TestReceiver;
  feed: NotificationsFeed;
}

/**
 * Starts the rig with `env` before the enclosing describe block's tests and stops it after;
 * the fields are set once its beforeAll has run.
 */
export function notificationsRig(env: Record<string, string>): NotificationsRig {
  const rig = { feed: new NotificationsFeed() } as NotificationsRig;
  beforeAll(async () => {
    rig.svc = await startService('notifications', AppModule, env);
    await resetState();
    rig.receiver = await TestReceiver.start();
  });
  afterAll(async () => {
    await rig.feed.close();
    await rig.receiver?.close();
    await rig.svc?.close();
    // Retries still scheduled would keep later suites of this jest worker (same queue prefix) from going quiet.
    await resetState();
  });
  return rig;
}
