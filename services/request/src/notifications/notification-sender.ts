import { backoffDelay } from '@bangbang/messaging';
import { getLogger } from '@bangbang/observability';
import { BackgroundLoop, GroupedWrites, msUntilNextDue, planEachRun, urlOf } from '@bangbang/persistence';
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
 * to the same number ahead of it and its own (NOTIFY_TIMEOUT_MS each), plus this margin for the
 * database. A slow gateway thus never has a message taken and sent again by another instance, and a
 * sender that dies (killed mid-send) holds up its messages for little more than the margin.
 */
const LEASE_MARGIN_MS = 30_000;

/**
 * Due messages, oldest first, to numbers this sender is not texting already ($4), so one number's
 * texts go out in the order they were queued.
 */
export const CLAIM = `
  UPDATE notification n SET attempts = n.attempts + 1,
         next_attempt_at = now() + ($2 + c.place * $3) * interval '1 millisecond'
    FROM (SELECT id, row_number() OVER (PARTITION BY recipient ORDER BY next_attempt_at, id) AS place
            FROM (SELECT id, recipient, next_attempt_at FROM notification
                   WHERE status = 'pending' AND next_attempt_at <= now() AND recipient <> ALL($4::text[])
                   ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due) c
   WHERE n.id = c.id
  RETURNING n.id, n.recipient, n.body, n.sealed_body AS "sealedBody", n.attempts, c.place`;

/** Delivered texts keep no secret: the body is stored redacted. */
const MARK_SENT = planEachRun(`
  UPDATE notification n SET status = 'sent', sent_at = now(), last_error = NULL, body = d.body, sealed_body = NULL
    FROM unnest($1::uuid[], $2::text[]) AS d(id, body)
   WHERE n.id = d.id`);

/**
 * Drains the notification queue. Each pass claims due messages with SKIP LOCKED (several instances
 * share the work) by pushing their next attempt past a lease, and starts sending them outside any
 * transaction without waiting: up to NOTIFY_CONCURRENCY numbers at once, one number's messages in
 * turn. Each message is then marked sent (with the others delivered while a mark is being written)
 * or given its retry with backoff, and its slot is refilled at once. Queuing a message wakes the
 * sender (a trigger's pg_notify), and a pass waits no longer than the next retry falls due, so the
 * poll is only the fallback for a lost notification. A message is never dropped: a gateway that is
 * down only delays it, and one that hangs on a message holds up only that number's texts. Once
 * delivered, a message keeps no sign-off code or rating token: the resident's SMS is the only copy.
 */
@Injectable()
export class NotificationSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = getLogger('notification-sender');
  private readonly loop: BackgroundLoop;
  /** Sends in flight, one per number, and the numbers they text. */
  private readonly sending = new Set<Promise<void>>();
  private readonly texting = new Set<string>();
  private readonly sentMarks = new GroupedWrites<{ id: string; body: string }, void>(async (sent) => {
    await this.ds.query(MARK_SENT, [sent.map((s) => s.id), sent.map((s) => s.body)]);
    return sent.map(() => undefined);
  });

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
      pass: async () => {
        // Every slot busy: a send that ends wakes the loop.
        if (this.sending.size >= config.NOTIFY_CONCURRENCY) {
          this.loop.leaveToTasks();
          return config.NOTIFY_POLL_MS;
        }
        // A number being texted gets its next text when that send ends, which then wakes the loop.
        // The numbers this pass starts texting still count for the next due: their later texts are
        // then excluded by the pass that finds them due, which asks for that wake-up.
        const busy = [...this.texting];
        if (busy.length) this.loop.leaveToTasks();
        if (await this.round()) return true;
        return msUntilNextDue(this.ds, 'notification', config.NOTIFY_POLL_MS, { column: 'recipient', values: busy });
      },
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.loop.start();
  }

  /** Stops taking messages, then waits for those being sent, so each is marked before the DataSource closes. */
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
    // Sends outlive the pass that started them, so the loop stopping does not wait for them.
    await Promise.all(this.sending);
  }

  /** One pass: claims as many due messages as there are free slots, and whether a full claim says more are due. */
  private async round(): Promise<boolean> {
    const free = Math.min(this.config.NOTIFY_BATCH_SIZE, this.config.NOTIFY_CONCURRENCY - this.sending.size);
    const [claimed]: [Array<Claimed & { place: string }>, number] = await this.ds.query(CLAIM, [
      free,
      LEASE_MARGIN_MS,
      this.config.NOTIFY_TIMEOUT_MS,
      [...this.texting],
    ]);
    const byRecipient = new Map<string, Claimed[]>();
    for (const n of claimed.sort((a, b) => Number(a.place) - Number(b.place))) {
      const turn = byRecipient.get(n.recipient);
      if (turn) turn.push(n);
      else byRecipient.set(n.recipient, [n]);
    }
    for (const [recipient, messages] of byRecipient) {
      this.texting.add(recipient);
      const sent: Promise<void> = this.sendInTurn(messages).then((retrying) => {
        this.sending.delete(sent);
        this.texting.delete(recipient);
        this.loop.taskSettled(retrying);
      });
      this.sending.add(sent);
    }
    return claimed.length === free;
  }

  /** Whether a text is to be tried again. */
  private async sendInTurn(messages: Claimed[]): Promise<boolean> {
    let retrying = false;
    for (const n of messages) {
      // Not recorded either way: its lease runs out and a pass takes it again.
      const sent = await this.send(n).catch((err) => this.log.error({ err, id: n.id }, 'could not record a text'));
      if (sent === false) retrying = true;
    }
    return retrying;
  }

  /** Whether it was delivered; if not, its retry is set. */
  private async send(n: Claimed): Promise<boolean> {
    try {
      const text = this.sealer.open(n);
      await this.notifier.send({ id: n.id, to: n.recipient, body: text });
      await this.sentMarks.add({ id: n.id, body: redactSecrets(text) });
      return true;
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
      return false;
    }
  }
}
