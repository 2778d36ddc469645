import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * The SMS gateway the request service is pointed at (`SMS_GATEWAY_URL`), standing in for the
 * carrier: it accepts `{id, to, body}` and hands each text to the simulated resident it is for.
 * Delivery is at least once, so a text sent again under the same id is dropped (and counted).
 */
export interface Text {
  id: string;
  to: string;
  body: string;
  at: number;
}

export class SmsInbox {
  readonly texts: Text[] = [];
  /** Texts sent again under an id already delivered: the sender's at-least-once, not an error. */
  resent = 0;
  private readonly ids = new Set<string>();
  /** Texts by the number they went to and by the request number they name. */
  private readonly byKey = new Map<string, Text[]>();
  private readonly waiters = new Map<string, Set<() => void>>();
  /** Ends every wait at once (with nothing) when the inbox stops. */
  private readonly cancels = new Set<() => void>();
  private server?: Server;

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        try {
          const { id, to, body } = JSON.parse(raw) as { id: string; to: string; body: string };
          if (typeof id !== 'string' || typeof to !== 'string' || typeof body !== 'string') throw new Error('bad text');
          if (this.ids.has(id)) this.resent++;
          else {
            this.ids.add(id);
            const text = { id, to, body, at: Date.now() };
            this.texts.push(text);
            const number = /单号(R\d{8}-\d{6,})/.exec(body)?.[1];
            for (const key of number ? [to, number] : [to]) {
              this.byKey.set(key, [...(this.byKey.get(key) ?? []), text]);
              for (const wake of this.waiters.get(key) ?? []) wake();
            }
          }
          res.writeHead(202).end();
        } catch {
          res.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, resolve);
    });
    return `http://${host}:${(this.server.address() as AddressInfo).port}/sms`;
  }

  /** The texts sent to a number (`+86…`) or naming a request number, oldest first. */
  about(key: string): Text[] {
    return this.byKey.get(key) ?? [];
  }

  /** What `find` makes of the texts about `key` once it finds something, or undefined after `timeoutMs`. */
  async waitFor<T>(key: string, find: (texts: Text[]) => T | undefined, timeoutMs: number): Promise<T | undefined> {
    const now = find(this.about(key));
    if (now !== undefined) return now;
    return new Promise((resolve) => {
      const mine = this.waiters.get(key) ?? new Set<() => void>();
      this.waiters.set(key, mine);
      const wake = () => {
        const found = find(this.about(key));
        if (found !== undefined) done(found);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      const done = (v: T | undefined) => {
        clearTimeout(timer);
        this.cancels.delete(cancel);
        mine.delete(wake);
        if (mine.size === 0) this.waiters.delete(key);
        resolve(v);
      };
      const cancel = () => done(undefined);
      this.cancels.add(cancel);
      mine.add(wake);
    });
  }

  stop(): Promise<void> {
    for (const cancel of [...this.cancels]) cancel();
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** What a resident reads in a text. */
export const read = {
  intake: (t: Text) => /需求已受理，单号(R\d{8}-\d{6,})/.exec(t.body)?.[1],
  signOffCode: (t: Text) => {
    const m = /单号(R\d{8}-\d{6,})签字确认码(\d{6})/.exec(t.body);
    return m ? { number: m[1], code: m[2] } : undefined;
  },
  bookingCode: (t: Text) => /在线预约验证码(\d{6})/.exec(t.body)?.[1],
  ratingLink: (t: Text) => {
    const m = /(https?:\/\/\S+\/rate\/([0-9a-f-]{36})\?token=([A-Za-z0-9_-]+))$/.exec(t.body);
    return m ? { url: m[1], requestId: m[2], token: m[3] } : undefined;
  },
};
