import { backoffDelay } from '@bangbang/messaging';
import { getLogger } from '@bangbang/observability';
import { BackgroundLoop, msUntilNextDue, urlOf } from '@bangbang/persistence';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REQUEST_CONFIG, RequestConfig } from '../request.config';
import { MESSAGE_SEALER, MessageSealer } from './message-sealer';
import { NOTIFICATION_CHANNEL } from './notification-queue';
import { NOTIFIER, Notifier } from './notifier';
import { redactSecrets } from './templates';

interface Claimed {
  id: string;
  recipient: string;
  body: string;
  sealedBody: string | null;
  attempts: number;
}

/**
 * A claimed message is hidden from other senders while this one tries to deliver it: for the sends
 * ahead of it in the batch and its own (NOTIFY_TIMEOUT_MS each), plus this margin for the database.
 * A batch that runs long thus never has a message taken and sent again by another instance, and a
 * sender that dies (killed mid-batch) holds up its first messages for little more than the margin.
 */
const LEASE_MARGIN_MS = 30_000;

/**
 * Drains the notification queue. Each pass claims due messages with SKIP LOCKED (several instances
 * share the work) by pushing their next attempt past a lease, sends them outside any transaction,
 * then marks each sent or schedules its retry with backoff. Queuing a message wakes it (a trigger's
 * pg_notify), and a pass waits no longer than the next retry falls due, so the poll is only the
 * fallback for a lost notification. A message is never dropped: a gateway
 * that is down only delays it, and one that is slow holds up nothing but its own message. Once
 * delivered, a message keeps no sign-off code or rating token: the resident's SMS is the only copy.
 */
@Injectable()
export class NotificationSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = getLogger('notification-sender');
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly ds: DataSource,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    @Inject(REQUEST_CONFIG) private readonly config: RequestConfig,
    @Inject(MESSAGE_SEALER) private readonly sealer: MessageSealer,
  ) {
    this.loop = new BackgroundLoop({
      name: 'notification-sender',
      everyMs: config.NOTIFY_POLL_MS,
      passAtStart: true,
      listen: { url: urlOf(ds), channel: NOTIFICATION_CHANNEL },
      pass: async () =>
        (await this.drain()).claimed === config.NOTIFY_BATCH_SIZE || msUntilNextDue(this.ds, 'notification', this.config.NOTIFY_POLL_MS),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.loop.start();
  }

  /** Waits for the pass in flight, so a message being sent is marked sent before the DataSource closes. */
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass: how many messages it claimed, and how many of them were delivered. */
  async drain(): Promise<{ claimed: number; delivered: number }> {
    const claimed = await this.ds
      .query<[Array<Claimed & { place: string }>, number]>(
        `UPDATE notification n SET attempts = n.attempts + 1,
                next_attempt_at = now() + ($2 + c.place * $3) * interval '1 millisecond'
           FROM (SELECT id, row_number() OVER (ORDER BY next_attempt_at, id) AS place
                   FROM (SELECT id, next_attempt_at FROM notification WHERE status = 'pending' AND next_attempt_at <= now()
                          ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due) c
          WHERE n.id = c.id
        RETURNING n.id, n.recipient, n.body, n.sealed_body AS "sealedBody", n.attempts, c.place`,
        [this.config.NOTIFY_BATCH_SIZE, LEASE_MARGIN_MS, this.config.NOTIFY_TIMEOUT_MS],
      )
      .then(([rows]) => rows.sort((a, b) => Number(a.place) - Number(b.place)));
    let delivered = 0;
    for (const n of claimed) {
      try {
        const text = this.sealer.open(n);
        await this.notifier.send({ id: n.id, to: n.recipient, body: text });
        await this.ds.query(
          `UPDATE notification SET status = 'sent', sent_at = now(), last_error = NULL, body = $2, sealed_body = NULL WHERE id = $1`,
          [n.id, redactSecrets(text)],
        );
        delivered++;
      } catch (err) {
        const delay = backoffDelay(n.attempts, {
          initialMs: this.config.NOTIFY_RETRY_INITIAL_MS,
          maxMs: this.config.NOTIFY_RETRY_MAX_MS,
          jitter: 0.2,
        });
        this.log.warn({ err, id: n.id, attempts: n.attempts, retryInMs: delay }, 'notification not delivered; will retry');
        await this.ds.query(
          `UPDATE notification SET next_attempt_at = now() + $2 * interval '1 millisecond', last_error = $3 WHERE id = $1`,
          [n.id, delay, String((err as Error).message).slice(0, 500)],
        );
      }
    }
    return { claimed: claimed.length, delivered };
  }
}
