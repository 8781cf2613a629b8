/**
 * Who is really calling, behind a load balancer. X-Forwarded-For, -Proto and -Host are read
 * only from the addresses TRUST_PROXY names (proxy-addr, as Express itself does): anyone else
 * could write them to pose as another client, or as HTTPS.
 */
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

export type TrustProxy = string[] | false;
export type TrustFn = (address: string, hop: number) => boolean;

/** The compiled TRUST_PROXY setting (nothing trusted for `false`). */
export function trustFunction(setting: TrustProxy): TrustFn {
  return setting === false ? () => false : proxyaddr.compile(setting);
}

type Req = Pick<IncomingMessage, 'headers' | 'socket'>;

/** The client's address: the first hop, from the right of X-Forwarded-For, that is not a trusted proxy. */
export function clientAddress(req: Req, trust: TrustFn): string {
  return proxyaddr(req as IncomingMessage, trust);
}

/** Whether the request came straight from a trusted proxy (so its X-Forwarded-* headers may be read). */
export function fromTrustedProxy(req: Req, trust: TrustFn): boolean {
  const peer = req.socket?.remoteAddress;
  return peer !== undefined && trust(peer, 0);
}
