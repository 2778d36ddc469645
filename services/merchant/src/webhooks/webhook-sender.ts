import { WebhookDeliveryFailed, WebhookEndpointDisabled } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { getLogger, registry } from '@bangbang/observability';
import { BackgroundLoop, GroupedWrites, msUntilNextDue, planEachRun, urlOf } from '@bangbang/persistence';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { MERCHANT_CONFIG, MerchantConfig } from '../merchant.config';
import { AttemptOutcome, classify, failingTooLong, retryDelay } from './retry-policy';
import { SECRET_BOX, SecretBox } from './secret-box';
import { signedHeaders } from './signing';
import { PostResult, WebhookClient } from './webhook-http';
import { WEBHOOK_CHANNEL } from './webhook-enqueue';

interface Claimed {
  id: string;
  message_id: string;
  body: string;
  step: number;
  endpoint_id: string;
  unit_id: string;
  org_path: string;
  event_type: string;
  url: string;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_until: Date | null;
  enabled: boolean;
}

/**
 * Due deliveries, taken with a lease: their due time moves past the HTTP deadline, so no other
 * instance takes them while this one sends, and a crashed instance's are taken again afterwards.
 * Fair between units: each unit gets at most its free sending slots ($3 units already sending with
 * $4 slots in use, $5 slots per unit), oldest first within the unit, so one partner's backlog or
 * hanging receiver never holds every slot.
 */
const CLAIM = `
  WITH busy AS (
    SELECT * FROM unnest($3::uuid[], $4::int[]) AS b(unit_id, sending)
  ), ranked AS (
    SELECT d.id, d.next_attempt_at,
           row_number() OVER (PARTITION BY d.unit_id ORDER BY d.next_attempt_at) + coalesce(b.sending, 0) AS slot
    FROM webhook_delivery d LEFT JOIN busy b ON b.unit_id = d.unit_id
    WHERE d.status = 'pending' AND d.next_attempt_at <= now()
  ), due AS (
    SELECT d.id FROM webhook_delivery d JOIN ranked r ON r.id = d.id
    WHERE r.slot <= $5 AND d.status = 'pending' AND d.next_attempt_at <= now()
    ORDER BY r.slot, r.next_attempt_at LIMIT $1
    FOR UPDATE OF d SKIP LOCKED
  )
  UPDATE webhook_delivery d SET next_attempt_at = now() + make_interval(secs => $2::float / 1000)
  FROM due, webhook_endpoint e
  WHERE d.id = due.id AND e.id = d.endpoint_id
  RETURNING d.id, d.message_id, d.body, d.step, d.endpoint_id, d.unit_id, d.org_path, d.event_type,
            e.url, e.secret_sealed, e.previous_secret_sealed, e.previous_secret_until, e.enabled`;

interface Delivered {
  id: string;
  status: number | undefined;
  startedAt: Date;
  latencyMs: number;
}

/**
 * The common case, for every delivery given, in one statement (one round trip, atomic): delivered,
 * attempt logged, endpoint healthy. Answers the deliveries still pending, which it recorded.
 */
const RECORD_DELIVERED = planEachRun(`
  WITH given AS (
    SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::int[]) AS g(id, status_code, started_at, latency_ms)),
  done AS (
    UPDATE webhook_delivery d SET status = 'delivered', attempts = d.attempts + 1, step = d.step + 1, last_status_code = g.status_code,
      last_error = NULL, next_attempt_at = NULL, finished_at = now()
    FROM given g WHERE d.id = g.id AND d.status = 'pending'
    RETURNING d.id, d.attempts, d.endpoint_id, g.status_code, g.started_at, g.latency_ms),
  logged AS (
    INSERT INTO webhook_attempt (delivery_id, attempt, started_at, latency_ms, status_code, outcome)
    SELECT id, attempts, started_at, latency_ms, status_code, 'delivered' FROM done),
  healthy AS (
    UPDATE webhook_endpoint SET failing_since = NULL WHERE id IN (SELECT endpoint_id FROM done) AND failing_since IS NOT NULL)
  SELECT id FROM done`);

const attemptsTotal = new Counter({
  name: 'bangbang_webhook_attempts_total',
  help: 'Webhook delivery attempts by outcome (delivered, retry, failed, gone)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});
const attemptLatency = new Histogram({
  name: 'bangbang_webhook_attempt_seconds',
  help: 'Latency of webhook delivery attempts',
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
  registers: [registry],
});

/** Sends due webhook deliveries: woken by the enqueuing transactions' notifications, and by a poll. */
@Injectable()
export class WebhookSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = getLogger('webhook-sender');
  private readonly client: WebhookClient;
  private readonly loop: BackgroundLoop;
  /** Attempts in flight, and how many of them each unit holds. */
  private readonly sending = new Set<Promise<void>>();
  private readonly perUnit = new Map<string, number>();
  private readonly delivered = new GroupedWrites<Delivered, boolean>(async (given) => {
    const rows = await this.ds.query<{ id: string }[]>(RECORD_DELIVERED, [
      given.map((g) => g.id),
      given.map((g) => g.status ?? null),
      given.map((g) => g.startedAt),
      given.map((g) => g.latencyMs),
    ]);
    const recorded = new Set(rows.map((r) => r.id));
    return given.map((g) => recorded.has(g.id));
  });

  constructor(
    private readonly ds: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(MERCHANT_CONFIG) private readonly config: MerchantConfig,
  ) {
    this.client = new WebhookClient({ allowLocalHttp: config.WEBHOOK_ALLOW_LOCAL_HTTP, timeoutMs: config.WEBHOOK_TIMEOUT_MS });
    this.loop = new BackgroundLoop({
      name: 'webhook-sender',
      everyMs: config.WEBHOOK_POLL_MS,
      passAtStart: true,
      listen: { url: urlOf(ds), channel: WEBHOOK_CHANNEL },
      pass: async () => {
        // Every slot busy: an attempt that ends wakes the loop.
        if (this.sending.size >= config.WEBHOOK_CONCURRENCY) {
          this.loop.leaveToTasks();
          return config.WEBHOOK_POLL_MS;
        }
        // A unit using all its slots gets its next delivery when one of its attempts ends, which then
        // wakes the loop. Units this pass fills still count for the next due: their further
        // deliveries are then excluded by the pass that finds them due, which asks for that wake-up.
        const full = [...this.perUnit].filter(([, n]) => n >= config.WEBHOOK_UNIT_CONCURRENCY).map(([unit]) => unit);
        if (full.length) this.loop.leaveToTasks();
        if ((await this.round()) > 0) return true;
        return msUntilNextDue(this.ds, 'webhook_delivery', config.WEBHOOK_POLL_MS, { column: 'unit_id', values: full });
      },
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.loop.start();
  }

  /** Before the database closes: stop taking work and let attempts in flight record their outcome. */
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
    // Attempts outlive the pass that started them, so the loop stopping does not wait for them.
    await Promise.all(this.sending);
    this.client.close();
  }

  /**
   * Claims as many due deliveries as there are free slots and starts them without waiting for
   * them: each slot is refilled as soon as its attempt ends, so a receiver that hangs until the
   * deadline holds only its own unit's slots, never a whole round.
   */
  private async round(): Promise<number> {
    const free = Math.min(this.config.WEBHOOK_BATCH_SIZE, this.config.WEBHOOK_CONCURRENCY - this.sending.size);
    if (free <= 0) return 0;
    const lease = this.config.WEBHOOK_TIMEOUT_MS + 5_000;
    const units = [...this.perUnit.keys()];
    const [claimed]: [Claimed[]] = await this.ds.query(CLAIM, [
      free,
      lease,
      units,
      units.map((u) => this.perUnit.get(u)),
      this.config.WEBHOOK_UNIT_CONCURRENCY,
    ]);
    for (const d of claimed) {
      this.perUnit.set(d.unit_id, (this.perUnit.get(d.unit_id) ?? 0) + 1);
      const sent: Promise<void> = this.attempt(d).then((delivered) => {
        this.sending.delete(sent);
        const left = this.perUnit.get(d.unit_id)! - 1;
        if (left) this.perUnit.set(d.unit_id, left);
        else this.perUnit.delete(d.unit_id);
        this.loop.taskSettled(!delivered);
      });
      this.sending.add(sent);
    }
    return claimed.length === free ? claimed.length : 0;
  }

  /** Whether it was delivered; if not, its retry (or its end) is recorded, or its lease runs out. */
  private async attempt(d: Claimed): Promise<boolean> {
    const startedAt = new Date();
    let result: PostResult;
    if (!d.enabled) {
      result = { error: 'endpoint disabled', latencyMs: 0 };
    } else {
      const secrets = [this.box.open(d.secret_sealed)];
      if (d.previous_secret_sealed && d.previous_secret_until && d.previous_secret_until > startedAt)
        secrets.push(this.box.open(d.previous_secret_sealed));
      result = await this.client.post(d.url, { ...signedHeaders(secrets, d.message_id, d.body, startedAt) }, d.body);
    }
    const outcome: AttemptOutcome = d.enabled ? classify(result) : { kind: 'retry', error: 'endpoint disabled' };
    attemptLatency.observe(result.latencyMs / 1_000);
    try {
      if (outcome.kind === 'delivered' && (await this.recordDelivered(d, startedAt, result))) return true;
      await this.ds.transaction((m) => this.record(m, d, startedAt, result, outcome));
    } catch (err) {
      // The lease runs out and the delivery is tried again: at least once, never lost.
      this.log.error({ err, delivery: d.id }, 'could not record a webhook attempt');
    }
    return false;
  }

  /** Whether it was recorded delivered, with the others delivered while a record is being written. */
  private async recordDelivered(d: Claimed, startedAt: Date, result: PostResult): Promise<boolean> {
    const recorded = await this.delivered.add({ id: d.id, status: result.status, startedAt, latencyMs: result.latencyMs });
    if (recorded) attemptsTotal.inc({ outcome: 'delivered' });
    return recorded;
  }

  private async record(m: EntityManager, d: Claimed, startedAt: Date, result: PostResult, outcome: AttemptOutcome): Promise<void> {
    const [current] = await m.query<[{ status: string; attempts: number; step: number }]>(
      'SELECT status, attempts, step FROM webhook_delivery WHERE id = $1 FOR UPDATE',
      [d.id],
    );
    const attempt = current.attempts + 1;
    const error = outcome.kind === 'retry' ? outcome.error : result.status === 410 ? 'HTTP 410 Gone' : null;
    const delay =
      outcome.kind === 'retry' && d.enabled
        ? retryDelay(current.step + 2, { scale: this.config.WEBHOOK_SCHEDULE_SCALE }, outcome.retryAfterMs)
        : undefined;
    const label = outcome.kind === 'delivered' ? 'delivered' : outcome.kind === 'gone' ? 'gone' : delay === undefined ? 'failed' : 'retry';
    await m.query(
      'INSERT INTO webhook_attempt (delivery_id, attempt, started_at, latency_ms, status_code, error, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [d.id, attempt, startedAt, result.latencyMs, result.status ?? null, error, label],
    );
    attemptsTotal.inc({ outcome: label });
    if (current.status !== 'pending') return;
    const status = label === 'delivered' ? 'delivered' : label === 'retry' ? 'pending' : 'failed';
    await m.query(
      `UPDATE webhook_delivery SET status = $2, attempts = $3, step = step + 1, last_status_code = $4, last_error = $5,
         next_attempt_at = CASE WHEN $2 = 'pending' THEN now() + make_interval(secs => $6::float / 1000) END,
         finished_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
       WHERE id = $1`,
      [d.id, status, attempt, result.status ?? null, error, delay ?? 0],
    );
    if (label === 'delivered') {
      await m.query('UPDATE webhook_endpoint SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL', [d.endpoint_id]);
      return;
    }
    if (label === 'failed' && d.enabled) {
      await writeToOutbox(m, WebhookDeliveryFailed, {
        subject: d.unit_id,
        data: {
          deliveryId: d.id,
          messageId: d.message_id,
          unitId: d.unit_id,
          orgPath: d.org_path,
          endpointId: d.endpoint_id,
          eventType: d.event_type,
          attempts: attempt,
          lastError: error?.slice(0, 500),
          at: new Date().toISOString(),
        },
      });
    }
    if (label === 'gone') return this.disable(m, d, 'gone');
    const [failing] = await m.query<[{ failing_since: Date; enabled: boolean }[], number]>(
      'UPDATE webhook_endpoint SET failing_since = coalesce(failing_since, now()) WHERE id = $1 RETURNING failing_since, enabled',
      [d.endpoint_id],
    );
    if (failing[0]?.enabled && failingTooLong(failing[0].failing_since, new Date(), this.config.WEBHOOK_DISABLE_AFTER_MS))
      await this.disable(m, d, 'failing');
  }

  /** The endpoint stops receiving: its pending deliveries fail (replayable once it is enabled again). */
  private async disable(m: EntityManager, d: Claimed, because: 'gone' | 'failing'): Promise<void> {
    const [rows] = await m.query<[{ id: string }[], number]>(
      `UPDATE webhook_endpoint SET enabled = false, disabled_reason = $2 WHERE id = $1 AND enabled RETURNING id`,
      [d.endpoint_id, because === 'gone' ? 'the receiver answered 410 Gone' : 'failing without a success for too long'],
    );
    if (!rows.length) return;
    await m.query(
      `UPDATE webhook_delivery SET status = 'failed', last_error = coalesce(last_error, 'endpoint disabled'), finished_at = now() WHERE endpoint_id = $1 AND status = 'pending'`,
      [d.endpoint_id],
    );
    await writeToOutbox(m, WebhookEndpointDisabled, {
      subject: d.unit_id,
      data: { endpointId: d.endpoint_id, unitId: d.unit_id, orgPath: d.org_path, because, at: new Date().toISOString() },
    });
  }
}
