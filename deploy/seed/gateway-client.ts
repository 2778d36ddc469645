/**
 * A client of the public gateway, as any outside program would use it: JSON over HTTP, a bearer
 * token per signed-in person (signed in again when it runs out), an API key for a unit's system.
 * A 429 from the gateway's rate limiter, or a 503 from its busy sign-in, is waited out (its
 * Retry-After is seconds); a longer one, such as the booking-code limit, is returned to the caller,
 * who decides.
 *
 * While a service or the gateway is down (restarting, stopped, its database cut) a call is tried
 * again with backoff, for up to `OUTAGE_RETRY_MS`, but only when a repeat cannot double its effect:
 * always when the call never reached anyone (a refused connection, a 503: the service did nothing);
 * after an answer that leaves the outcome unknown (a 502, a 504, a connection cut mid-call) only for
 * a read, a call with an Idempotency-Key, or one the caller marks `repeatable` because the API
 * refuses a second one (a used sign-off code, a closed rating link).
 */
export interface Reply {
  status: number;
  body: any;
  headers: globalThis.Headers;
}

export type Credentials = { username: string; password: string } | { apiKey: string } | undefined;

interface CallOptions {
  body?: object;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** A repeat is refused by the API rather than applied twice, so a call of unknown outcome may be tried again. */
  repeatable?: boolean;
}

const MAX_THROTTLE_WAIT_S = 10;
const OUTAGE_RETRY_MS = 90_000;
const OUTAGE_BACKOFF_MS = [250, 500, 1_000, 2_000, 4_000];
/** Connection errors (undici's fetch puts the socket's code on `cause`) where the request was never sent: any other gateway may take it. */
const NOT_SENT = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);
/** The connection broke with the call in flight: repeated only when repeating is safe. */
const BROKEN = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

export class GatewayClient {
  private readonly tokens = new Map<string, Promise<string>>();
  /** Calls answered 429 by the gateway's limiter and waited out. */
  throttled = 0;
  /** Calls tried again because a service or the gateway was down. */
  retriedOutage = 0;

  private readonly bases: string[];
  private turn = 0;

  /** One gateway, or several taken in turn, as a load balancer in front of them would. */
  constructor(baseUrl: string | string[]) {
    this.bases = [baseUrl].flat();
  }

  async call(method: string, path: string, as: Credentials, options: CallOptions = {}): Promise<Reply> {
    const safeToRepeat = method === 'GET' || options.repeatable === true || options.headers?.['idempotency-key'] !== undefined;
    const giveUpAt = Date.now() + OUTAGE_RETRY_MS;
    let outages = 0;
    let signedInAgain = false;
    const outage = async () => {
      this.retriedOutage++;
      await sleep(OUTAGE_BACKOFF_MS[Math.min(outages++, OUTAGE_BACKOFF_MS.length - 1)]);
    };
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { ...options.headers };
      if (as && 'apiKey' in as) headers['x-api-key'] = as.apiKey;
      else if (as) headers.authorization = `Bearer ${await this.token(as)}`;
      let body: string | undefined;
      if (options.body) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(options.body);
      } else if (options.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams(options.form).toString();
      }
      let res: Response;
      let text: string;
      try {
        res = await this.send(path, { method, headers, body }, safeToRepeat);
        text = await res.text();
      } catch (err) {
        const code = (err as { cause?: { code?: string } }).cause?.code;
        if ((safeToRepeat || (code !== undefined && NOT_SENT.has(code))) && Date.now() < giveUpAt) {
          await outage();
          continue;
        }
        throw err;
      }
      const reply: Reply = { status: res.status, body: parse(text, res.headers.get('content-type')), headers: res.headers };
      const retryAfter = Number(res.headers.get('retry-after') ?? NaN);
      // 503 with Retry-After: the gateway's password hashing is busy (a burst of sign-ins).
      if ((res.status === 429 || res.status === 503) && retryAfter <= MAX_THROTTLE_WAIT_S && attempt < 20) {
        this.throttled++;
        await sleep(Math.max(retryAfter, 0.2) * 1000);
        continue;
      }
      const down = res.status === 503 || ((res.status === 502 || res.status === 504) && safeToRepeat);
      if (down && Date.now() < giveUpAt) {
        await outage();
        continue;
      }
      if (res.status === 401 && as && 'username' in as && !signedInAgain) {
        signedInAgain = true;
        this.tokens.delete(as.username);
        continue;
      }
      return reply;
    }
  }

  /** The call, which must answer one of `ok` (default 2xx); anything else throws with the answer. */
  async expect(method: string, path: string, as: Credentials, options: CallOptions = {}, ok: number[] = []): Promise<any> {
    const reply = await this.call(method, path, as, options);
    if ((reply.status >= 200 && reply.status < 300) || ok.includes(reply.status)) return reply.body;
    throw new Error(
      `${method} ${path} answered ${reply.status}: ${typeof reply.body === 'string' ? reply.body.slice(0, 300) : JSON.stringify(reply.body)}`,
    );
  }

  /**
   * To the next gateway in turn; when it cannot be reached, to the others. A call cut off in flight
   * is repeated elsewhere only when that is safe: a read, or a change carrying an idempotency key.
   */
  private async send(
    path: string,
    init: { method: string; headers: Record<string, string>; body?: string },
    repeatable: boolean,
  ): Promise<Response> {
    const start = this.turn;
    this.turn = (this.turn + 1) % this.bases.length;
    for (let i = 0; ; i++) {
      const base = this.bases[(start + i) % this.bases.length];
      try {
        return await fetch(`${base}${path}`, init);
      } catch (err) {
        const code = (err as { cause?: { code?: string } }).cause?.code ?? '';
        const another = NOT_SENT.has(code) || (repeatable && BROKEN.has(code));
        if (!another || i + 1 >= this.bases.length) throw err;
      }
    }
  }

  /** Remembers a token obtained elsewhere (a volunteer's sign-up answers with one). */
  remember(username: string, accessToken: string): void {
    this.tokens.set(username, Promise.resolve(accessToken));
  }

  private token(as: { username: string; password: string }): Promise<string> {
    let token = this.tokens.get(as.username);
    if (!token) {
      token = this.expect('POST', '/auth/login', undefined, { body: as, repeatable: true }).then((r) => r.accessToken as string);
      token.catch(() => this.tokens.delete(as.username));
      this.tokens.set(as.username, token);
    }
    return token;
  }
}

function parse(text: string, contentType: string | null): unknown {
  if (!text || !(contentType ?? '').includes('json')) return text;
  return JSON.parse(text);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `fn` over `items` with at most `size` at once; the first failure fails the whole run. */
export async function inPool<T>(items: readonly T[], size: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
