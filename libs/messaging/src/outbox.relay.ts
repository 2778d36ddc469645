import { eventsPublished, getLogger, outboxLagSeconds, outboxPending } from '@bangbang/observability';
import { BackgroundLoop, planEachRun, urlOf } from '@bangbang/persistence';
import { Admin, Producer } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { backoffDelay } from './backoff';
import { ensureTopics, TopicNames } from './kafka';
import { MessagingConfig } from './messaging.config';
import { OUTBOX_CHANNEL } from './outbox.writer';

interface OutboxRow {
  seq: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  payload: string;
  attempts: number;
}

export interface RelayHooks {
  /** Runs after Kafka acknowledged a batch and before the rows are marked sent (tests crash here). */
  afterPublish?: (rows: number) => void | Promise<void>;
}

/**
 * Rows still pending, oldest first, locked so no other relay instance takes them. A row waits while
 * an earlier row of its aggregate is backing off (filtered before the LIMIT, so waiting rows never
 * crowd out the rest) or is held by another instance (filtered after), which keeps one aggregate's
 * events in order across retries and instances.
 *
 * Each NOT EXISTS is a lookup per row in the (topic, key, seq) index: `OFFSET 0` keeps it from being
 * made a join, and `seq + 0` keeps the planner off the (seq) index, which it otherwise reads from the
 * start for every row. The statistics nearly always see a handful of pending rows, so the planner
 * takes any plan as cheap; the plans it chose read every pending row for each one, quadratic in a
 * backlog (220 ms a claim of 20,000 pending, `bench/outbox-claim.bench.ts`) just when the relay has
 * to catch up.
 */
export const CLAIM_BATCH = `
  WITH claimed AS (
    SELECT seq, topic, key, headers, payload, attempts FROM outbox o
    WHERE sent_at IS NULL AND next_attempt_at <= now()
      AND NOT EXISTS (
        SELECT 1 FROM outbox p
        WHERE p.sent_at IS NULL AND p.topic = o.topic AND p.key = o.key AND p.seq + 0 < o.seq AND p.next_attempt_at > now()
        OFFSET 0
      )
    ORDER BY seq LIMIT $1
    FOR UPDATE SKIP LOCKED
  )
  SELECT * FROM claimed c
  WHERE NOT EXISTS (
    SELECT 1 FROM outbox p
    WHERE p.sent_at IS NULL AND p.topic = c.topic AND p.key = c.key AND p.seq + 0 < c.seq
      AND p.seq NOT IN (SELECT seq FROM claimed)
    OFFSET 0
  )
  ORDER BY seq`;

const MARK_SENT = planEachRun('UPDATE outbox SET sent_at = now() WHERE seq = ANY($1)');

/** After this many failed attempts a row is reported at error level on every further failure. */
const STUCK_AFTER_ATTEMPTS = 10;

export class OutboxRelay {
  private readonly log = getLogger('outbox-relay');
  private readonly knownTopics = new Set<string>();
  private readonly loop: BackgroundLoop;
  private lastReport = 0;
  private publishing = false;
  /** Rows are waiting out a failed publish: a pass then also finds when the first falls due. */
  private backingOff = false;

  constructor(
    private readonly ds: DataSource,
    private readonly producer: Producer,
    private readonly admin: Admin,
    private readonly topics: TopicNames,
    private readonly config: MessagingConfig,
    private readonly hooks: RelayHooks = {},
  ) {
    this.loop = new BackgroundLoop({
      name: 'outbox-relay',
      everyMs: config.OUTBOX_POLL_MS,
      passAtStart: true,
      // A pg_notify at commit wakes the relay at once; the poll only covers lost notifications.
      listen: { url: urlOf(ds), channel: OUTBOX_CHANNEL },
      pass: () => this.pass(),
    });
  }

  start(): Promise<void> {
    return this.loop.start();
  }

  /** Until the producer is connected a pass only reports what waits; then it publishes too. */
  startPublishing(): void {
    this.publishing = true;
    this.loop.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * One batch; a full one means more is waiting, and the loop comes straight back. Rows backing off
   * are due before the next poll, so the pass says when.
   */
  private async pass(): Promise<boolean | number> {
    const published = this.publishing ? await this.publishBatch() : 0;
    await this.reportPending();
    if (published === this.config.OUTBOX_BATCH_SIZE) return true;
    return this.backingOff ? this.untilNextDue() : false;
  }

  private async untilNextDue(): Promise<number | false> {
    const [row] = await this.ds.query<[{ ms: string | null }]>(
      `SELECT extract(epoch FROM min(next_attempt_at) - now()) * 1000 AS ms FROM outbox WHERE sent_at IS NULL AND next_attempt_at > now()`,
    );
    if (row.ms === null) {
      this.backingOff = false;
      return false;
    }
    return Math.max(5, Math.ceil(Number(row.ms)));
  }

  private async publishBatch(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const rows: OutboxRow[] = await m.query(CLAIM_BATCH, [this.config.OUTBOX_BATCH_SIZE]);
      if (!rows.length) return 0;
      let sent = rows;
      try {
        await this.send(rows);
      } catch (err) {
        this.log.warn({ err, rows: rows.length }, 'outbox batch publish failed; retrying its rows one by one');
        sent = await this.sendOneByOne(m, rows);
      }
      if (sent.length) {
        await this.hooks.afterPublish?.(sent.length);
        await m.query(MARK_SENT, [sent.map((r) => r.seq)]);
      }
      return rows.length;
    });
  }

  /**
   * Finds the rows that cannot be published (too large, a vanished topic…) so that they back off
   * alone instead of holding their whole batch back. A failed row's later rows of the same aggregate
   * stay pending behind it, unsent, to keep the aggregate in order.
   */
  private async sendOneByOne(m: EntityManager, rows: OutboxRow[]): Promise<OutboxRow[]> {
    const sent: OutboxRow[] = [];
    const blocked = new Set<string>();
    let failuresInARow = 0;
    for (const [i, row] of rows.entries()) {
      const aggregate = `${row.topic}|${row.key}`;
      if (blocked.has(aggregate)) continue;
      // Several failures and no success: the broker, not a row, is the problem; the rest waits.
      if (failuresInARow >= 3 && !sent.length) {
        await this.backOff(
          m,
          rows.slice(i).filter((r) => !blocked.has(`${r.topic}|${r.key}`)),
          new Error('broker unavailable'),
        );
        break;
      }
      try {
        await this.send([row]);
        sent.push(row);
        failuresInARow = 0;
      } catch (err) {
        blocked.add(aggregate);
        failuresInARow++;
        await this.backOff(m, [row], err);
      }
    }
    return sent;
  }

  private async backOff(m: EntityManager, rows: OutboxRow[], err: unknown): Promise<void> {
    this.backingOff = true;
    for (const row of rows) {
      const attempts = row.attempts + 1;
      const delay = backoffDelay(attempts, { initialMs: 500, maxMs: 60_000, jitter: 0.2 });
      const level = attempts >= STUCK_AFTER_ATTEMPTS ? 'error' : 'warn';
      this.log[level]({ err, seq: row.seq, topic: row.topic, key: row.key, attempts, retryInMs: delay }, 'outbox row not published');
      await m.query(
        `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
           next_attempt_at = now() + make_interval(secs => $3::float / 1000) WHERE seq = $1`,
        [row.seq, String((err as Error).message ?? err).slice(0, 2000), delay],
      );
    }
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const byTopic = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const topic = this.topics.physical(row.topic);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), row]);
    }
    const unknown = [...byTopic.keys()].filter((t) => !this.knownTopics.has(t));
    if (unknown.length) {
      await ensureTopics(this.admin, unknown, this.config);
      unknown.forEach((t) => this.knownTopics.add(t));
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((r) => ({ key: r.key, value: r.payload, headers: r.headers })),
      })),
    });
    for (const [topic, list] of byTopic) eventsPublished.inc({ topic }, list.length);
  }

  private async reportPending(): Promise<void> {
    if (Date.now() - this.lastReport < 10_000) return;
    this.lastReport = Date.now();
    const [stats] = await this.ds.query<{ pending: number; lag: number }[]>(
      `SELECT count(*)::int AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS lag
       FROM outbox WHERE sent_at IS NULL`,
    );
    outboxPending.set(stats.pending);
    outboxLagSeconds.set(stats.lag);
  }
}
