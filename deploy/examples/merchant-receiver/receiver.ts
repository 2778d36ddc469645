import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/**
 * A partner unit's side of Bangbang: receives signed webhooks, checks them with the
 * `standardwebhooks` library, and accepts job offers through the Bangbang API with its API key.
 * Run it with `node -r @swc-node/register deploy/examples/merchant-receiver/receiver.ts`.
 */
export interface ReceiverOptions {
  /** The endpoint's `whsec_...` secret, shown once when the endpoint was registered. */
  secret: string;
  /** The gateway, e.g. http://127.0.0.1:3000. */
  apiUrl: string;
  /** The unit's `bbk_...` key. */
  apiKey: string;
  port?: number;
  host?: string;
  /** Which categories to take on offer; all when absent. */
  acceptCategories?: string[];
  log?: (entry: object) => void;
}

export interface WebhookMessage {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export interface RunningReceiver {
  url: string;
  /** Every verified message, in arrival order, each once (duplicates by `webhook-id` are dropped). */
  messages: WebhookMessage[];
  /** Offers accepted, with the API's answer. */
  accepted: { offerId: string; status: number }[];
  close(): Promise<void>;
}

const jsonLine = (entry: object) => process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);

export async function startMerchantReceiver(options: ReceiverOptions): Promise<RunningReceiver> {
  const verifier = new Webhook(options.secret);
  const log = options.log ?? jsonLine;
  const seen = new Set<string>();
  const messages: WebhookMessage[] = [];
  const accepted: RunningReceiver['accepted'] = [];

  const acceptOffer = async (offer: Record<string, unknown>) => {
    const offerId = String(offer.offerId);
    if (options.acceptCategories && !options.acceptCategories.includes(String(offer.categoryCode))) return;
    // The Idempotency-Key makes a retried accept safe if the first answer was lost.
    const res = await fetch(`${options.apiUrl}/api/dispatch/offers/${offerId}/accept`, {
      method: 'POST',
      headers: { 'x-api-key': options.apiKey, 'idempotency-key': `accept-${offerId}` },
    });
    accepted.push({ offerId, status: res.status });
    log({ msg: 'offer answered', offerId, status: res.status });
  };

  const handle = (message: WebhookMessage) => {
    messages.push(message);
    log({ msg: 'webhook', type: message.type, requestId: message.data.requestId });
    if (message.type === 'job.offered') void acceptOffer(message.data).catch((err) => log({ msg: 'accept failed', err: String(err) }));
    // job.assigned: fetch the resident's contact details from the request API now, not before.
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || req.url !== '/webhooks') return void res.writeHead(404).end();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let message: WebhookMessage;
      try {
        message = verifier.verify(body, req.headers as Record<string, string>) as WebhookMessage;
      } catch (err) {
        log({ msg: 'refused an unsigned or stale webhook', err: String(err) });
        return void res.writeHead(400).end();
      }
      // Answer at once; the work happens after. At-least-once delivery means duplicates: drop them.
      res.writeHead(204).end();
      const id = String(req.headers['webhook-id']);
      if (seen.has(id)) return;
      seen.add(id);
      handle(message);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/webhooks`,
    messages,
    accepted,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

if (require.main === module) {
  const need = (name: string) => process.env[name] ?? (jsonLine({ msg: `${name} is required` }), process.exit(1));
  void startMerchantReceiver({
    secret: need('WEBHOOK_SECRET'),
    apiUrl: process.env.BANGBANG_API_URL ?? 'http://127.0.0.1:3000',
    apiKey: need('BANGBANG_API_KEY'),
    port: Number(process.env.PORT ?? 4100),
    acceptCategories: process.env.ACCEPT_CATEGORIES?.split(',').filter(Boolean),
  }).then((r) => jsonLine({ msg: 'merchant receiver listening', url: r.url }));
}
