import { maskPhone } from '@bangbang/auth';
import { getLogger } from '@bangbang/observability';
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

/** POSTs `{ id, to, body }` as JSON to the SMS gateway; any non-2xx answer is a failure to retry. */
export class HttpSmsNotifier implements Notifier {
  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': message.id },
      body: JSON.stringify({ id: message.id, to: `+${message.to}`, body: message.body }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
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
