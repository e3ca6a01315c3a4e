import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPrivateAddress } from './address-policy';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** A receiver URL the policy refuses, with the reason a client can act on. */
export class RefusedReceiver extends Error {}

export const MAX_URL_LENGTH = 2048;

/**
 * Which receivers a webhook may reach. The same check runs at registration (to answer 400 on
 * `url`) and before every attempt, on the addresses the connection will actually use: a host
 * whose DNS answer changed to a private address since registration (DNS rebinding) is refused
 * then, and the connection is pinned to the address that passed (no second lookup to race).
 */
export class ReceiverPolicy {
  constructor(
    private readonly allowPrivate: boolean,
    private readonly resolver: Resolver = systemResolver,
  ) {}

  /** The URL's syntax and scheme; throws RefusedReceiver. */
  parse(raw: string): URL {
    if (raw.length > MAX_URL_LENGTH) throw new RefusedReceiver(`must be at most ${MAX_URL_LENGTH} characters`);
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new RefusedReceiver('must be an absolute https:// URL');
    }
    const schemes = this.allowPrivate ? ['https:', 'http:'] : ['https:'];
    if (!schemes.includes(url.protocol)) {
      throw new RefusedReceiver(this.allowPrivate ? 'must be an http:// or https:// URL' : 'must be an https:// URL');
    }
    if (url.username || url.password) throw new RefusedReceiver('must not carry a user name or password');
    if (url.hash) throw new RefusedReceiver('must not have a #fragment');
    if (!url.hostname) throw new RefusedReceiver('must name a host');
    return url;
  }

  /** Resolves the URL's host and returns the address to connect to; throws RefusedReceiver. */
  async resolve(url: URL): Promise<ResolvedAddress> {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    let addresses: ResolvedAddress[];
    if (isIP(host)) {
      addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
    } else {
      try {
        addresses = await this.resolver(host);
      } catch (error) {
        throw new RefusedReceiver(`host ${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'lookup failed'})`);
      }
    }
    if (addresses.length === 0) throw new RefusedReceiver(`host ${host} does not resolve`);
    if (!this.allowPrivate) {
      // Every answer must be public: a client may connect to any of them.
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (bad) throw new RefusedReceiver(`resolves to ${bad.address}, a private, loopback, link-local or reserved address`);
    }
    return addresses[0];
  }
}
