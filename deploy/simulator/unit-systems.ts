import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/**
 * The partner units' own systems, all on one loopback port: each unit's endpoint is
 * `/units/<unitId>/webhooks`, checked with that unit's `whsec_` secret like the sample receiver in
 * deploy/examples/merchant-receiver. A message delivered again (same `webhook-id`) is answered and
 * dropped; a second message for the same fact under another id is counted as a duplicate effect.
 */
export interface UnitMessage {
  unitId: string;
  type: string;
  data: Record<string, any>;
}

export class UnitSystems {
  /** Verified messages, once each. */
  received = 0;
  redelivered = 0;
  refused = 0;
  /** Two messages about the same fact under different ids (e.g. two `job.offered` for one offer). */
  readonly duplicates: string[] = [];
  private readonly verifiers = new Map<string, Webhook>();
  private readonly seen = new Set<string>();
  private readonly facts = new Set<string>();
  private server?: Server;
  baseUrl = '';

  constructor(private readonly onMessage: (m: UnitMessage) => void) {}

  async start(port = 0, host = '127.0.0.1'): Promise<void> {
    this.server = createServer((req, res) => {
      const m = /^\/units\/([0-9a-f-]{36})\/webhooks$/.exec(req.url ?? '');
      const verifier = m && this.verifiers.get(m[1]);
      if (req.method !== 'POST' || !m || !verifier) return void res.writeHead(404).end();
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let message: { type: string; data: Record<string, any> };
        try {
          message = verifier.verify(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>) as typeof message;
        } catch {
          this.refused++;
          return void res.writeHead(400).end();
        }
        res.writeHead(204).end();
        const id = String(req.headers['webhook-id']);
        if (this.seen.has(id)) return void this.redelivered++;
        this.seen.add(id);
        this.received++;
        const fact = factOf(m[1], message);
        if (fact) {
          if (this.facts.has(fact)) this.duplicates.push(fact);
          this.facts.add(fact);
        }
        this.onMessage({ unitId: m[1], type: message.type, data: message.data });
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, resolve);
    });
    this.baseUrl = `http://${host}:${(this.server.address() as AddressInfo).port}`;
  }

  /** Registers a unit's endpoint secret; returns the URL to give the merchant service. */
  add(unitId: string, secret: string): void {
    this.verifiers.set(unitId, new Webhook(secret));
  }

  urlFor(unitId: string): string {
    return `${this.baseUrl}/units/${unitId}/webhooks`;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The fact a message reports, where one fact must make one message. */
function factOf(unitId: string, m: { type: string; data: Record<string, any> }): string | undefined {
  if (m.type === 'job.offered' || m.type === 'offer.withdrawn') return `${unitId}:${m.type}:${m.data.offerId}`;
  if (m.type === 'rating.received') return `${unitId}:${m.type}:${m.data.ratingId}:${m.data.revision}`;
  return undefined;
}
