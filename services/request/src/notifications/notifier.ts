import { maskPhone } from '@bangbang/auth';
import { getLogger } from '@bangbang/observability';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { redactSecrets } from './templates';

export interface OutgoingMessage {
  /** Stable per message: the gateway can drop a resend it has already delivered. */
  id: string;
  /** E.164 digits. */
  to: string;
  body: string;
}

/** The port: delivers one message or throws. */
export interface Notifier {
  send(message: OutgoingMessage): Promise<void>;
}

export const NOTIFIER = Symbol('NOTIFIER');

/**
 * POSTs `{ id, to, body }` as JSON to the SMS gateway; any non-2xx answer is a failure to retry.
 * Through node:http on kept-alive connections rather than `fetch`, whose streams cost several
 * times the CPU per call (a lifecycle sends five texts; see bench/README.md).
 */
export class HttpSmsNotifier implements Notifier {
  private readonly post: typeof httpRequest;
  private readonly agent: HttpAgent;

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {
    const secure = new URL(url).protocol === 'https:';
    this.post = secure ? httpsRequest : httpRequest;
    this.agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  }

  send(message: OutgoingMessage): Promise<void> {
    const body = JSON.stringify({ id: message.id, to: `+${message.to}`, body: message.body });
    return new Promise((resolve, reject) => {
      const req = this.post(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': message.id },
          signal: AbortSignal.timeout(this.timeoutMs),
        },
        (res) => {
          res.on('error', reject);
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve();
            else reject(new Error(`SMS gateway answered ${status}`));
          });
          res.resume();
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

/**
 * For local runs: the message goes to the log with the number masked and without its sign-off code
 * or rating token (logs are kept and shipped).
 */
export class LogNotifier implements Notifier {
  constructor(private readonly log: Pick<ReturnType<typeof getLogger>, 'info'> = getLogger('notifier')) {}

  async send(message: OutgoingMessage): Promise<void> {
    this.log.info({ id: message.id, to: maskPhone(message.to), body: redactSecrets(message.body) }, 'notification');
  }
}
