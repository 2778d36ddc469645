import { getLogger } from '@bangbang/observability';
import { lookup as dnsLookup, LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { AttemptResult } from './retry-policy';
import { isForbiddenAddress, refuseUrl } from './ssrf';

/** `dns.lookup` with `all: true`; replaceable so tests can play a rebinding DNS server. */
export type Resolver = (
  hostname: string,
  options: LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;
/**
 * What the merchant reads in its delivery log when an address is refused. The detail (which name
 * resolved to which internal address) stays in our logs: shown to the merchant, it would turn the
 * webhook form into a probe of our internal DNS.
 */
export const ADDRESS_NOT_ALLOWED = "the endpoint's address is not allowed";

const log = getLogger('webhook-http');

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * DNS resolution that refuses the whole answer when any address in it is not public. Used as the
 * agent's `lookup`, so the address checked is the one the socket connects to: a name that
 * resolves to a public address when registered and to 127.0.0.1 later (rebinding) is still refused.
 */
export function guardedLookup(allowLoopback: boolean, resolve: Resolver = dnsLookup) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => isForbiddenAddress(a.address, allowLoopback));
      if (bad || !addresses.length) {
        const refused: NodeJS.ErrnoException = new Error(`refused to connect to ${bad?.address ?? 'nothing'} for ${hostname}`);
        refused.code = 'EADDRNOTPUBLIC';
        return callback(refused, []);
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export interface WebhookClientOptions {
  allowLocalHttp: boolean;
  timeoutMs: number;
  resolver?: Resolver;
}

export interface PostResult extends AttemptResult {
  latencyMs: number;
}

/** Posts signed webhooks: no redirects followed, guarded DNS, one deadline for the whole answer. */
export class WebhookClient {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;

  constructor(private readonly options: WebhookClientOptions) {
    const lookup = guardedLookup(options.allowLocalHttp, options.resolver);
    this.http = new HttpAgent({ keepAlive: true, maxSockets: 64, lookup } as ConstructorParameters<typeof HttpAgent>[0]);
    this.https = new HttpsAgent({ keepAlive: true, maxSockets: 64, lookup } as ConstructorParameters<typeof HttpsAgent>[0]);
  }

  post(url: string, headers: Record<string, string>, body: string): Promise<PostResult> {
    const started = performance.now();
    const done = (r: AttemptResult): PostResult => ({ ...r, latencyMs: Math.round(performance.now() - started) });
    // Address literals never reach the lookup, so they are checked here, before every attempt.
    const refused = refuseUrl(url, { allowLocalHttp: this.options.allowLocalHttp });
    if (refused) {
      log.warn({ url, refused }, 'webhook endpoint refused');
      return Promise.resolve(done({ error: ADDRESS_NOT_ALLOWED }));
    }
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (r: AttemptResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(done(r));
      };
      const req = send(target, {
        method: 'POST',
        agent: target.protocol === 'https:' ? this.https : this.http,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Bangbang-Webhooks/1',
        },
      });
      const timer = setTimeout(() => {
        req.destroy();
        finish({ error: `no answer within ${this.options.timeoutMs} ms` });
      }, this.options.timeoutMs);
      req.on('response', (res) => {
        const retryAfter = res.headers['retry-after'];
        res.resume();
        res.on('end', () => finish({ status: res.statusCode, retryAfter }));
        res.on('error', () => finish({ status: res.statusCode, retryAfter }));
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EADDRNOTPUBLIC') return finish({ error: err.message });
        log.warn({ url, detail: err.message }, 'webhook endpoint address refused');
        finish({ error: ADDRESS_NOT_ALLOWED });
      });
      req.end(body);
    });
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
