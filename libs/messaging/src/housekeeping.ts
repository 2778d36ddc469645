import { getLogger, rowsPruned } from '@bangbang/observability';
import { BackgroundLoop, urlOf } from '@bangbang/persistence';
import { Admin, ConfigResourceTypes } from 'kafkajs';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { TopicNames } from './kafka';
import { MessagingConfig } from './messaging.config';

/** Rows deleted per statement, so a pruning pass never holds long locks on a busy table. */
const PRUNE_BATCH = 5_000;
const HOUR_MS = 3_600_000;

/** Lets the inbox be pruned by topic and age without reading the whole table. */
export class InboxPruning1764000000001 implements MigrationInterface {
  name = 'InboxPruning1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX inbox_topic_processed ON inbox (topic, processed_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX inbox_topic_processed');
  }
}

/**
 * Keeps the outbox and inbox from growing without end. Sent outbox rows go after
 * OUTBOX_RETENTION_HOURS. An inbox row is what recognises a redelivered event, so it is kept as long
 * as its topic may still hand the event out again: the topic's retention plus one segment (Kafka
 * deletes whole segments, so a message can outlive the retention by that much), and never less than
 * INBOX_RETENTION_HOURS. When the broker cannot say, or keeps the topic forever, its rows stay.
 */
export class MessagingHousekeeping {
  private readonly log = getLogger('messaging-housekeeping');
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly ds: DataSource,
    private readonly admin: Admin,
    private readonly topics: TopicNames,
    private readonly config: MessagingConfig,
  ) {
    // One instance prunes; N would only repeat the same deletes and contend for the same rows.
    this.loop = new BackgroundLoop({
      name: 'messaging-housekeeping',
      everyMs: config.HOUSEKEEPING_MS,
      single: { url: urlOf(ds) },
      pass: () => this.pass(),
    });
  }

  start(): Promise<void> {
    return this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass now; resolves to whether rows are left to prune. */
  runOnce(): Promise<boolean> {
    return this.loop.runOnce();
  }

  private async pass(): Promise<boolean> {
    const outbox = await this.pruneOutbox();
    let more = outbox === PRUNE_BATCH;
    for (const topic of await this.inboxTopics()) {
      const keepMs = await this.inboxKeepMs(topic);
      if (keepMs === null) continue;
      more = (await this.pruneInbox(topic, keepMs)) === PRUNE_BATCH || more;
    }
    return more;
  }

  private async pruneOutbox(): Promise<number> {
    const [, deleted] = await this.ds.query<[unknown[], number]>(
      `DELETE FROM outbox WHERE seq IN (
         SELECT seq FROM outbox WHERE sent_at < now() - make_interval(hours => $1) LIMIT $2)`,
      [this.config.OUTBOX_RETENTION_HOURS, PRUNE_BATCH],
    );
    rowsPruned.inc({ table: 'outbox' }, deleted);
    return deleted;
  }

  private async pruneInbox(topic: string, keepMs: number): Promise<number> {
    const [, deleted] = await this.ds.query<[unknown[], number]>(
      `DELETE FROM inbox WHERE ctid IN (
         SELECT ctid FROM inbox WHERE topic = $1 AND processed_at < now() - make_interval(secs => $2::float / 1000) LIMIT $3)`,
      [topic, keepMs, PRUNE_BATCH],
    );
    rowsPruned.inc({ table: 'inbox' }, deleted);
    return deleted;
  }

  /** The distinct topics, one index probe each instead of a scan of the table. */
  private async inboxTopics(): Promise<string[]> {
    const rows = await this.ds.query<Array<{ topic: string }>>(
      `WITH RECURSIVE t AS (
         SELECT min(topic) AS topic FROM inbox
         UNION ALL SELECT (SELECT min(topic) FROM inbox WHERE topic > t.topic) FROM t WHERE t.topic IS NOT NULL)
       SELECT topic FROM t WHERE topic IS NOT NULL`,
    );
    return rows.map((r) => r.topic);
  }

  private async inboxKeepMs(topic: string): Promise<number | null> {
    try {
      await this.admin.connect();
      const { resources } = await this.admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: this.topics.physical(topic), configNames: ['retention.ms', 'segment.ms'] }],
      });
      const entries = resources[0]?.configEntries ?? [];
      const value = (name: string) => Number(entries.find((e) => e.configName === name)?.configValue);
      const retention = value('retention.ms');
      const segment = value('segment.ms');
      if (!Number.isFinite(retention) || !Number.isFinite(segment)) throw new Error(`no retention.ms or segment.ms for ${topic}`);
      if (retention < 0) return null;
      return Math.max(this.config.INBOX_RETENTION_HOURS * HOUR_MS, retention + segment);
    } catch (err) {
      this.log.warn({ err, topic }, 'topic retention unknown; its inbox rows are kept this pass');
      return null;
    }
  }
}
