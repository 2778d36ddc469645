import { eventsPublished, getLogger, outboxLagSeconds, outboxPending } from '@bangbang/observability';
import { Admin, Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
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
 * Rows still pending, oldest first, locked so no other relay instance takes them. A row is held back
 * while an earlier row of the same aggregate is pending outside this batch (being retried, or taken
 * by another instance), which keeps one aggregate's events in order across instances and retries.
 */
const CLAIM_BATCH = `
  WITH claimed AS (
    SELECT seq, topic, key, headers, payload, attempts FROM outbox
    WHERE sent_at IS NULL AND next_attempt_at <= now()
    ORDER BY seq LIMIT $1
    FOR UPDATE SKIP LOCKED
  )
  SELECT * FROM claimed c
  WHERE NOT EXISTS (
    SELECT 1 FROM outbox p
    WHERE p.sent_at IS NULL AND p.topic = c.topic AND p.key = c.key AND p.seq < c.seq
      AND p.seq NOT IN (SELECT seq FROM claimed)
  )
  ORDER BY seq`;

export class OutboxRelay {
  private readonly log = getLogger('outbox-relay');
  private readonly knownTopics = new Set<string>();
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private running = false;
  private draining?: Promise<void>;
  private again = false;
  private lastHousekeeping = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly producer: Producer,
    private readonly admin: Admin,
    private readonly topics: TopicNames,
    private readonly config: MessagingConfig,
    private readonly hooks: RelayHooks = {},
  ) {}

  async start(): Promise<void> {
    this.running = true;
    await this.listen();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** Publishes everything pending now; resolves when the outbox is empty or only backing off. */
  drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.again = false;
          while (this.running && (await this.publishBatch()) === this.config.OUTBOX_BATCH_SIZE);
        } while (this.again && this.running);
        await this.housekeeping();
      } catch (err) {
        this.log.error({ err }, 'outbox relay round failed');
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.reconnectListener()
        .then(() => this.drain())
        .then(() => this.schedule(this.config.OUTBOX_POLL_MS));
    }, delayMs);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: (this.ds.options as { url: string }).url });
    client.on('notification', () => void this.drain());
    // The poll keeps publishing while the listening connection is down, and re-opens it.
    client.on('error', (err) => {
      this.log.warn({ err }, 'outbox listener connection lost; polling until it is back');
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.listener = client;
  }

  private async reconnectListener(): Promise<void> {
    if (this.listener || !this.running) return;
    await this.listen().catch((err) => this.log.warn({ err }, 'outbox listener still down'));
  }

  private async publishBatch(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const rows: OutboxRow[] = await m.query(CLAIM_BATCH, [this.config.OUTBOX_BATCH_SIZE]);
      if (!rows.length) return 0;
      const seqs = rows.map((r) => r.seq);
      try {
        await this.send(rows);
      } catch (err) {
        const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
        const delay = backoffDelay(attempts, { initialMs: 500, maxMs: 60_000, jitter: 0.2 });
        this.log.warn({ err, rows: rows.length, attempts, retryInMs: delay }, 'outbox publish failed');
        await m.query(
          `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
             next_attempt_at = now() + make_interval(secs => $3::float / 1000) WHERE seq = ANY($1)`,
          [seqs, String((err as Error).message ?? err).slice(0, 2000), delay],
        );
        return 0;
      }
      await this.hooks.afterPublish?.(rows.length);
      await m.query('UPDATE outbox SET sent_at = now() WHERE seq = ANY($1)', [seqs]);
      return rows.length;
    });
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

  private async housekeeping(): Promise<void> {
    if (Date.now() - this.lastHousekeeping < 10_000) return;
    this.lastHousekeeping = Date.now();
    const [stats] = await this.ds.query(
      `SELECT count(*)::int AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS lag
       FROM outbox WHERE sent_at IS NULL`,
    );
    outboxPending.set(stats.pending);
    outboxLagSeconds.set(stats.lag);
    await this.ds.query(`DELETE FROM outbox WHERE sent_at < now() - make_interval(hours => $1)`, [
      this.config.OUTBOX_RETENTION_HOURS,
    ]);
  }
}
