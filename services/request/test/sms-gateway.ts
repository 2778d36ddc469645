import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A stand-in SMS gateway on loopback that can be "down" (503) or up, recording what it accepted,
 * and that can hang on the texts to chosen numbers until they are released.
 */
export class FakeSmsGateway {
  up = false;
  refused = 0;
  readonly delivered: Array<{ id: string; to: string; body: string; key: string }> = [];
  /** Numbers (`+86…`) whose texts get no answer until `release`, and the answers held. */
  readonly hanging = new Set<string>();
  readonly held: Array<() => void> = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        if (!this.up) {
          this.refused++;
          res.writeHead(503).end();
          return;
        }
        const text = { ...JSON.parse(raw), key: String(req.headers['idempotency-key']) };
        const accept = () => {
          this.delivered.push(text);
          res.writeHead(202).end();
        };
        if (this.hanging.has(text.to)) this.held.push(accept);
        else accept();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  /** The rating links texted about a request, oldest first. */
  ratingLinks(requestId: string): Array<{ url: string; token: string; to: string }> {
    const link = new RegExp(`(https?://\\S+/rate/${requestId}\\?token=([A-Za-z0-9_-]+))$`);
    return this.delivered.flatMap((d) => {
      const m = link.exec(d.body);
      return m ? [{ url: m[1], token: m[2], to: d.to }] : [];
    });
  }

  /** The sign-off codes texted about a request (by its number), oldest first. */
  signOffCodes(requestNumber: string): string[] {
    return this.delivered.flatMap((d) => {
      const m = /单号(R\d{8}-\d{6})签字确认码(\d{6})/.exec(d.body);
      return m && m[1] === requestNumber ? [m[2]] : [];
    });
  }

  /** The online booking codes texted to a number (`+86…`), oldest first. */
  bookingCodes(to: string): string[] {
    return this.delivered.flatMap((d) => {
      const m = /在线预约验证码(\d{6})/.exec(d.body);
      return m && d.to === to ? [m[1]] : [];
    });
  }

  /** Answers the held texts and stops hanging. */
  release(): void {
    this.hanging.clear();
    this.held.splice(0).forEach((accept) => accept());
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
