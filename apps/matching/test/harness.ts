// Boots the matching service for integration tests and reads its API as a given role.
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { startService, type StartedService } from '../../../test/support/app';
import { waitForQuiet } from '../../../test/support/quiet';
import { tokenFor } from '../../../test/support/tokens';
import { answer, EventFeed } from './matching-fixtures';

export type Json = Record<string, any>;

let languageCounter = 0;
/** A delivery language no other test uses, so tests sharing a database never match each other's objects. */
export function freshLanguage(): string {
  languageCounter += 1;
  const n = (process.pid * 7 + languageCounter * 131 + Date.now()) % (26 * 26 * 26);
  return String.fromCharCode(97 + Math.floor(n / 676), 97 + (Math.floor(n / 26) % 26), 97 + (n % 26));
}

export const coordinatorToken = () => tokenFor({ role: 'coordinator', sub: 'int-coordinator' });

export class MatchingHarness {
  readonly feed = new EventFeed();
  constructor(readonly service: StartedService) {}

  static async start(env: Record<string, string> = {}): Promise<MatchingHarness> {
    return new MatchingHarness(await startService('matching', AppModule, env));
  }

  /** Waits until matching is idle, discarding the events it sent to services not running here. */
  async quiet(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      await this.feed.discardOutgoing();
      try {
        return await waitForQuiet({ timeoutMs: 500 });
      } catch (error) {
        if (attempt >= 60) throw error;
      }
    }
  }

  async get(path: string, token?: string): Promise<request.Response> {
    return request(this.service.http).get(path).auth(token ?? (await coordinatorToken()), { type: 'bearer' });
  }

  async post(path: string, body: Json = {}, token?: string): Promise<request.Response> {
    return request(this.service.http).post(path).auth(token ?? (await coordinatorToken()), { type: 'bearer' }).send(body);
  }

  async suggestionsOf(requestId: string, status = 'proposed'): Promise<Json[]> {
    const res = await this.get(`/v1/suggestions?requestId=${requestId}&status=${status}`);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  /**
   * Accepts the request's best suggestion and plays the saga to its end as the other services and
   * the parties would: slots reserved, request held, the country and every provider confirm.
   * Returns the agreed partnership.
   */
  async agreeBest(req: { id: string; country: string }, providerIds: string[]): Promise<Json> {
    const [s] = await this.suggestionsOf(req.id);
    const res = await this.post(`/v1/suggestions/${s.id}/accept`);
    expect(res.status).toBe(201);
    const p = res.body as Json;
    await this.feed.publish(answer('reservation.made', p as never), answer('hold.made', p as never));
    await this.quiet();
    const parties = [await tokenFor({ role: 'country', country: req.country, sub: 'focal-point' }),
      ...(await Promise.all(providerIds.map((id) => tokenFor({ role: 'donor', providerId: id, sub: `donor-${id}` }))))];
    let last: Json = {};
    for (const token of parties) {
      const confirmed = await this.post(`/v1/partnerships/${p.id}/confirm`, {}, token);
      expect(confirmed.status).toBe(200);
      last = confirmed.body as Json;
    }
    expect(last.status).toBe('agreed');
    await this.quiet();
    return last;
  }

  async close(): Promise<void> {
    await this.feed.close();
    await this.service.close();
  }
}
