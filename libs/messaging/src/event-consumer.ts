import { CloudEvent, dlqTopic, findContract, fromKafkaRecord, validateEvent } from '@bangbang/contracts';
import { consumerLag, consumerUp, eventFailures, eventsConsumed, getLogger, offsetCommits, runWithTrace } from '@bangbang/observability';
import { BackgroundLoop, isTransactionConflict } from '@bangbang/persistence';
import { Admin, Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { backoffDelay } from './backoff';
import { REDRIVE_FOR_HEADER } from './dead-letters';
import { EventContext, EventHandler } from './event-context';
import { countRequests, ensureTopics, TopicNames } from './kafka';
import { MessagingConfig } from './messaging.config';
import { DeferredCommits } from './deferred-commits';
import { finishedWithin } from './within';

export interface ConsumerDeps {
  ds: DataSource;
  kafka: Kafka;
  producer: Producer;
  admin: Admin;
  topics: TopicNames;
  config: MessagingConfig;
}

export interface ConsumerOptions {
  groupId: string;
  handlers: Map<string, EventHandler>;
  /** Called when kafkajs gives up on the consumer, instead of starting it again (tests fail on it). */
  onCrash?: (error: Error) => void;
}

/**
 * `starting` until connected, `joining` until the group has given it partitions (a dead member's
 * session is waited out here), `consuming` while it holds them, `rebalancing` while they move,
 * `crashed` until it is started again.
 */
export type ConsumerState = 'starting' | 'joining' | 'consuming' | 'rebalancing' | 'crashed' | 'stopped';

export interface ConsumerStatus {
  group: string;
  state: ConsumerState;
  /** Uncommitted messages over its topics at the last reading; null before the broker first answered. */
  lag: number | null;
  lagReadAt: string | null;
}

type Outcome = 'applied' | 'duplicate';

interface Delivery {
  message: KafkaMessage;
  event: CloudEvent;
  handler: EventHandler;
}

class DeadLetter extends Error {
  constructor(
    readonly reason: 'malformed' | 'contract' | 'handler',
    override readonly cause: unknown,
  ) {
    super(reason);
  }
}

const MAX_RESTART_MS = 30_000;
/** Protocol errors that mean this member lost its place in the group; kafkajs rejoins on them. */
const MEMBERSHIP_LOST = new Set(['UNKNOWN_MEMBER_ID', 'REBALANCE_IN_PROGRESS', 'ILLEGAL_GENERATION', 'NOT_COORDINATOR_FOR_GROUP']);
const CHUNK_ATTEMPTS = 3;
/** How long a stopping consumer waits for its last deferred commit. */
const STOP_COMMIT_WAIT_MS = 2_000;

/**
 * Applies each event at most once per consumer group (the inbox row and the handler's effects commit
 * together) and commits the Kafka offset only after that commit, so together with redelivery every
 * event takes effect exactly once. The events of a fetched batch are applied together, one
 * transaction for many (the per-event cost of a commit is most of what consuming costs). Failing
 * events are retried alone with backoff and then dead-lettered so that one poison message never
 * holds up its partition.
 */
export class EventConsumer {
  private readonly log = getLogger('event-consumer');
  private consumer?: Consumer;
  private stopping = false;
  private current: ConsumerState = 'stopped';
  private lag: { total: number; at: Date } | undefined;
  private readonly lagLoop: BackgroundLoop;
  private restartTimer?: NodeJS.Timeout;
  private lagStarted = false;
  private readonly deferred: DeferredCommits;

  constructor(
    private readonly deps: ConsumerDeps,
    private readonly options: ConsumerOptions,
  ) {
    this.lagLoop = new BackgroundLoop({
      name: `consumer-lag-${options.groupId}`,
      everyMs: deps.config.CONSUMER_LAG_POLL_MS,
      passAtStart: true,
      pass: () => this.readLag(),
    });
    this.deferred = new DeferredCommits(async (offsets) => {
      if (!this.consumer) return;
      await this.consumer.commitOffsets(offsets);
      offsetCommits.inc({ group: options.groupId, kind: 'deferred' });
    }, deps.config.CONSUMER_COMMIT_INTERVAL_MS);
  }

  get groupId(): string {
    return this.options.groupId;
  }

  status(): ConsumerStatus {
    return {
      group: this.options.groupId,
      state: this.current,
      lag: this.lag?.total ?? null,
      lagReadAt: this.lag?.at.toISOString() ?? null,
    };
  }

  logicalTopics(): string[] {
    const topics = [...this.options.handlers.keys()].map((type) => {
      const contract = findContract(type);
      if (!contract) throw new Error(`no contract for event type ${type}`);
      return contract.topic;
    });
    return [...new Set(topics)];
  }

  /**
   * Starts consuming and resolves once this member holds its partitions, which waits out the session
   * of a dead member of the group; rejects if the broker cannot be reached.
   */
  async start(): Promise<void> {
    this.stopping = false;
    this.setState('starting');
    try {
      await this.startConsumer();
    } catch (err) {
      this.setState('crashed');
      throw err;
    }
  }

  /**
   * Starts consuming without waiting: a service serves HTTP and writes its outbox while its consumer
   * connects and joins, and a consumer that cannot start or that kafkajs gives up on is started
   * again with backoff instead of taking the process down.
   */
  startInBackground(): void {
    this.stopping = false;
    this.setState('starting');
    this.attempt(1);
  }

  /** Stops fetching, lets the batch in hand finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    // Still a member: what earlier batches reached is committed before leaving, so the next holder
    // does not read it again. The batch in hand commits its own, seeing `stopping`. A broker that is
    // away is not waited for: the next holder reads those events again, and the inbox skips them.
    await finishedWithin(this.deferred.flush(), STOP_COMMIT_WAIT_MS);
    this.deferred.stop();
    // Also ends a join still waiting on the broker. A start still connecting is not waited for (with
    // the broker away that takes its retries' time): it sees `stopping` at its next step and stops.
    await this.consumer?.disconnect();
    await this.lagLoop.stop();
    this.lagStarted = false;
    this.setState('stopped');
  }

  private attempt(n: number): void {
    if (this.stopping) return;
    this.startConsumer().catch((err) => {
      this.setState('crashed');
      this.restartLater(n, err);
    });
  }

  private restartLater(n: number, err: unknown): void {
    if (this.stopping) return;
    const delay = backoffDelay(n, { initialMs: this.deps.config.CONSUMER_RESTART_MS, maxMs: MAX_RESTART_MS, jitter: 0.2 });
    this.log.error({ err, groupId: this.options.groupId, retryInMs: delay }, 'consumer not running; starting it again');
    this.restartTimer = setTimeout(() => {
      void this.consumer?.disconnect().catch(() => undefined);
      this.attempt(n + 1);
    }, delay);
    this.restartTimer.unref();
  }

  private async startConsumer(): Promise<void> {
    const { kafka, admin, topics, config } = this.deps;
    const physical = this.logicalTopics().map((t) => topics.physical(t));
    await admin.connect();
    if (this.stopping) return;
    await ensureTopics(admin, physical, config);
    if (this.stopping) return;
    // Only once the topics exist: asking the broker about a missing topic would make the client
    // keep asking for its metadata, and fail, until it appears.
    if (!this.lagStarted) {
      this.lagStarted = true;
      await this.lagLoop.start();
    }
    const consumer = kafka.consumer({
      groupId: topics.physical(this.options.groupId),
      allowAutoTopicCreation: false,
      sessionTimeout: config.CONSUMER_SESSION_TIMEOUT_MS,
      heartbeatInterval: config.CONSUMER_HEARTBEAT_MS,
      rebalanceTimeout: config.CONSUMER_REBALANCE_TIMEOUT_MS,
      maxWaitTimeInMs: config.CONSUMER_MAX_WAIT_MS,
      // kafkajs restarts itself after a retriable crash; a stopping consumer must stay stopped.
      retry: { restartOnFailure: () => Promise.resolve(!this.stopping) },
    });
    countRequests(consumer, 'consumer');
    consumer.on(consumer.events.CONNECT, () => this.setState('joining'));
    consumer.on(consumer.events.REBALANCING, () => {
      this.deferred.clear();
      this.setState('rebalancing');
    });
    consumer.on(consumer.events.GROUP_JOIN, () => this.setState('consuming'));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.deferred.clear();
      this.setState(this.stopping ? 'stopped' : 'crashed');
      if (payload.restart || this.stopping) return;
      this.log.fatal({ err: payload.error, groupId: payload.groupId }, 'consumer crashed');
      if (this.options.onCrash) this.options.onCrash(payload.error);
      else this.restartLater(1, payload.error);
    });
    this.consumer = consumer;
    await consumer.connect();
    if (this.stopping) return consumer.disconnect();
    await consumer.subscribe({ topics: physical, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONCURRENTLY,
      eachBatch: (payload) => this.eachBatch(payload),
    });
    this.deferred.start();
  }

  private setState(state: ConsumerState): void {
    if (state !== this.current) this.log.info({ groupId: this.options.groupId, state }, `consumer ${state}`);
    this.current = state;
    consumerUp.set({ group: this.options.groupId }, state === 'consuming' ? 1 : 0);
  }

  /** Lag from the broker's offsets, so it is known (and grows) while this member is not consuming. */
  private async readLag(): Promise<void> {
    const { admin, topics } = this.deps;
    const groupId = topics.physical(this.options.groupId);
    const physical = this.logicalTopics().map((t) => topics.physical(t));
    const [committed, ...ends] = await Promise.all([
      admin.fetchOffsets({ groupId, topics: physical }),
      ...physical.map((t) => admin.fetchTopicOffsets(t)),
    ]);
    let total = 0;
    physical.forEach((topic, i) => {
      const done = committed.find((c) => c.topic === topic)?.partitions ?? [];
      const lag = ends[i].reduce((sum, end) => {
        const offset = Number(done.find((p) => p.partition === end.partition)?.offset ?? -1);
        // No commit yet: the group starts from the beginning, so everything still on the log is lag.
        return sum + Number(end.high) - (offset >= 0 ? offset : Number(end.low));
      }, 0);
      consumerLag.set({ group: this.options.groupId, topic: topics.logical(topic) }, lag);
      total += lag;
    });
    this.lag = { total, at: new Date() };
  }

  /**
   * Applies the batch's events in chunks of up to CONSUMER_BATCH_SIZE, one transaction per chunk
   * with its inbox rows, in offset order; an event that cannot be read or breaks its contract is
   * dead-lettered in its place. Offsets are resolved only after a chunk commits, and committed with
   * the group's other partitions every CONSUMER_COMMIT_INTERVAL_MS: an applied event read again by
   * a partition's next holder is skipped by its inbox row. Only a dead letter, which no inbox row
   * guards, and the last batch before stopping or losing the partition are committed at once.
   */
  private async eachBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    let chunk: Delivery[] = [];
    let chunkEnd: string | undefined;
    // The next offset to read, once everything before it is applied, dead-lettered or passed by.
    let reached: string | undefined;
    const settle = (offset: string) => {
      resolveOffset(offset);
      reached = (BigInt(offset) + 1n).toString();
    };
    const commit = async () => {
      if (reached === undefined) return;
      this.deferred.forget(topic, partition);
      try {
        await this.consumer!.commitOffsets([{ topic, partition, offset: reached }]);
        offsetCommits.inc({ group: this.options.groupId, kind: 'at_once' });
      } catch (err) {
        // A member the group dropped (a session outlived on a loaded machine) is told so wrapped in an
        // error kafkajs does not retry; it rejoins only on the protocol error itself. The offsets left
        // uncommitted are read again by the partition's next holder, and the inbox skips what was applied.
        const cause = (err as { cause?: { type?: string } }).cause;
        throw cause && MEMBERSHIP_LOST.has(cause.type ?? '') ? cause : err;
      }
      reached = undefined;
    };
    const flush = async () => {
      if (chunkEnd === undefined) return;
      if (chunk.length) await this.applyChunk(topic, partition, chunk, heartbeat);
      settle(chunkEnd);
      chunk = [];
      chunkEnd = undefined;
      await heartbeat();
    };
    for (const message of batch.messages) {
      // What was read but not applied is left uncommitted, for whoever holds the partition next.
      if (!isRunning() || isStale() || this.stopping) return commit();
      const read = this.read(topic, message);
      if ('handler' in read) {
        chunk.push(read);
        chunkEnd = message.offset;
        if (chunk.length >= this.deps.config.CONSUMER_BATCH_SIZE) await flush();
      } else if (read.rejected) {
        await flush();
        await this.deadLetter(topic, partition, message, read.rejected, 0, read.event);
        settle(message.offset);
        await commit();
      } else if (chunkEnd !== undefined) {
        chunkEnd = message.offset;
      } else {
        settle(message.offset);
      }
    }
    if (!isRunning() || isStale() || this.stopping) return commit();
    await flush();
    if (this.stopping) return commit();
    if (reached !== undefined) this.deferred.note({ topic, partition, offset: reached });
  }

  /** What a message is for this group: an event to apply, one to dead-letter, or one to pass by. */
  private read(topic: string, message: KafkaMessage): Delivery | { rejected?: DeadLetter; event?: CloudEvent } {
    const group = this.options.groupId;
    const logical = this.deps.topics.logical(topic);
    // A redriven dead letter is for the group that gave up on it; the others applied it long ago
    // and may have pruned the inbox rows that would recognise it.
    const redriveFor = message.headers?.[REDRIVE_FOR_HEADER]?.toString();
    if (redriveFor !== undefined && redriveFor !== group) return this.passBy(logical);
    // Binary mode names the type in a header: a record no handler here takes (most of a shared
    // topic, for most groups) is passed by without its value being parsed.
    const type = message.headers?.ce_type?.toString();
    if (type !== undefined && !this.options.handlers.has(type)) return this.passBy(logical);
    let event: CloudEvent;
    try {
      event = fromKafkaRecord({
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? '',
        headers: decodeHeaders(message.headers),
      });
    } catch (err) {
      return { rejected: new DeadLetter('malformed', err) };
    }
    const handler = this.options.handlers.get(event.type);
    if (!handler) return this.passBy(logical);
    // Asked before the contract is checked: validating an event this group then passes by costs
    // more than all else it does with it. An event passed by changes nothing here, valid or not.
    if (!isOurs(handler, event.data)) return this.passBy(logical);
    try {
      return { message, event: validateEvent(event, findContract(event.type)!), handler };
    } catch (err) {
      return { rejected: new DeadLetter('contract', err), event };
    }
  }

  private passBy(logical: string): Record<string, never> {
    eventsConsumed.inc({ group: this.options.groupId, topic: logical, outcome: 'ignored' });
    return {};
  }

  /**
   * One transaction for the whole chunk. If it fails, the chunk is applied again one event at a
   * time, so that only an event that fails on its own is retried and dead-lettered and the rest of
   * the chunk still takes effect, each once.
   */
  private async applyChunk(topic: string, partition: number, chunk: Delivery[], heartbeat: () => Promise<void>): Promise<void> {
    for (let attempt = 1; chunk.length > 1; attempt++) {
      try {
        return this.count(topic, await this.applyOnce(topic, partition, chunk, attempt, heartbeat));
      } catch (err) {
        eventFailures.inc({ group: this.options.groupId, topic: this.deps.topics.logical(topic) });
        // Losing a deadlock or a serialization conflict is no event's fault: the whole chunk again
        // is one transaction, where one by one it would be one per event.
        if (attempt < CHUNK_ATTEMPTS && isTransactionConflict(err) && !this.stopping) {
          this.log.warn({ err, topic, partition, events: chunk.length }, 'batch lost a lock conflict; applying it again');
          continue;
        }
        this.log.warn({ err, topic, partition, events: chunk.length }, 'batch failed; applying its events one by one');
        break;
      }
    }
    for (const delivery of chunk) await this.applyWithRetries(topic, partition, delivery, heartbeat);
  }

  private async applyWithRetries(topic: string, partition: number, delivery: Delivery, heartbeat: () => Promise<void>) {
    const { event, message } = delivery;
    for (let attempt = 1; ; attempt++) {
      try {
        return this.count(topic, await this.applyOnce(topic, partition, [delivery], attempt, heartbeat));
      } catch (err) {
        eventFailures.inc({ group: this.options.groupId, topic: this.deps.topics.logical(topic) });
        this.log.warn({ err, eventId: event.id, type: event.type, attempt }, 'event handler failed');
        // A stopping consumer leaves the event for whoever takes the partition next, rather than
        // rushing through its remaining attempts into the dead-letter topic.
        if (this.stopping) throw new Error('consumer stopping; event left for redelivery', { cause: err });
        if (attempt >= this.deps.config.CONSUMER_MAX_ATTEMPTS) {
          return this.deadLetter(topic, partition, message, new DeadLetter('handler', err), attempt, event);
        }
        await this.pause(
          backoffDelay(attempt, {
            initialMs: this.deps.config.CONSUMER_RETRY_INITIAL_MS,
            maxMs: this.deps.config.CONSUMER_RETRY_MAX_MS,
            jitter: 0.2,
          }),
          heartbeat,
        );
      }
    }
  }

  private count(topic: string, outcomes: Outcome[]): void {
    const labels = { group: this.options.groupId, topic: this.deps.topics.logical(topic) };
    for (const outcome of outcomes) eventsConsumed.inc({ ...labels, outcome });
  }

  /**
   * Records the events in the inbox and runs the handlers of those it had not seen, in order, all in
   * one transaction. A dead-lettered event that comes back (redriven from the DLQ) is applied; any
   * other repeat, also one repeated within the chunk, is not.
   */
  private async applyOnce(
    topic: string,
    partition: number,
    deliveries: Delivery[],
    attempt: number,
    heartbeat: () => Promise<void>,
  ): Promise<Outcome[]> {
    const logical = this.deps.topics.logical(topic);
    const firsts = [...new Map(deliveries.map((d) => [d.event.id, d])).values()];
    const committed: Array<() => void> = [];
    const outcomes = await this.deps.ds.transaction(async (manager) => {
      const rows = await manager.query<Array<{ event_id: string }>>(
        `INSERT INTO inbox (consumer_group, event_id, event_type, topic, partition, "offset", outcome)
         SELECT $1, e.id, e.type, $4, $5, e.off, 'applied' FROM unnest($2::text[], $3::text[], $6::bigint[]) AS e(id, type, off)
         ON CONFLICT (consumer_group, event_id) DO UPDATE
           SET outcome = 'applied', topic = EXCLUDED.topic, partition = EXCLUDED.partition,
               "offset" = EXCLUDED."offset", processed_at = now()
           WHERE inbox.outcome = 'dead_lettered'
         RETURNING event_id`,
        [
          this.options.groupId,
          firsts.map((d) => d.event.id),
          firsts.map((d) => d.event.type),
          logical,
          partition,
          firsts.map((d) => d.message.offset),
        ],
      );
      const unseen = new Set(rows.map((r) => r.event_id));
      const outcomes: Outcome[] = [];
      const atCommit = new Map<string, { state: unknown; write: () => Promise<void> }>();
      const beforeCommit = <T>(key: string, create: () => T, write: (state: T) => Promise<void>): T => {
        let held = atCommit.get(key);
        if (!held) {
          const state = create();
          atCommit.set(key, (held = { state, write: () => write(state) }));
        }
        return held.state as T;
      };
      for (const { event, handler, message } of deliveries) {
        if (!unseen.delete(event.id)) {
          outcomes.push('duplicate');
          continue;
        }
        const ctx = new EventContext([
          manager,
          event,
          {
            topic: logical,
            partition,
            offset: message.offset,
            attempt,
            heartbeat,
            inChunk: deliveries.length > 1,
            beforeCommit,
            afterCommit: (run) => committed.push(run),
          },
        ]);
        await runWithTrace({ correlationId: event.correlationid, causationId: event.id }, () => handler(event, ctx));
        outcomes.push('applied');
        // A long chunk must not outlast the session: kafkajs sends one only once the interval is up.
        if (deliveries.length > 1) await heartbeat();
      }
      for (const { write } of atCommit.values()) await write();
      return outcomes;
    });
    for (const run of committed) {
      // Committed is committed: a failure here must not send the events round again.
      try {
        run();
      } catch (err) {
        this.log.error({ err, topic, partition }, 'a step after commit failed');
      }
    }
    return outcomes;
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    failure: DeadLetter,
    attempts: number,
    event?: CloudEvent,
  ): Promise<void> {
    // A database outage is not the event's fault: refuse to dead-letter, leave the offset alone
    // and let the consumer restart once the database is back.
    if (failure.reason === 'handler' && !(await this.databaseAnswers())) {
      throw new Error('database unavailable; not dead-lettering', { cause: failure.cause });
    }
    const error = failure.cause instanceof Error ? failure.cause : new Error(String(failure.cause));
    const headers: IHeaders = {
      ...message.headers,
      dlq_reason: failure.reason,
      dlq_error: error.message.slice(0, 4_000),
      dlq_consumer_group: this.options.groupId,
      dlq_source_topic: topic,
      dlq_source_partition: String(partition),
      dlq_source_offset: message.offset,
      dlq_attempts: String(attempts),
      dlq_time: new Date().toISOString(),
    };
    const target = dlqTopic(topic);
    await this.deps.producer.send({ topic: target, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
    if (event) {
      await this.deps.ds.query(
        `INSERT INTO inbox (consumer_group, event_id, event_type, topic, partition, "offset", outcome)
         VALUES ($1, $2, $3, $4, $5, $6, 'dead_lettered') ON CONFLICT DO NOTHING`,
        [this.options.groupId, event.id, event.type, this.deps.topics.logical(topic), partition, message.offset],
      );
    }
    eventsConsumed.inc({ group: this.options.groupId, topic: this.deps.topics.logical(topic), outcome: 'dead_lettered' });
    this.log.error(
      { err: error, reason: failure.reason, topic, partition, offset: message.offset, eventId: event?.id },
      'event dead-lettered',
    );
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.deps.ds.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Waits out a backoff while keeping the group membership alive. */
  private async pause(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    const until = Date.now() + ms;
    while (!this.stopping && Date.now() < until) {
      await sleep(Math.min(1_000, until - Date.now()));
      await heartbeat();
    }
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.map(String).join(',') : v.toString();
  }
  return out;
}

/**
 * A handler's `when` reads the data as it arrived: one that throws on it leaves the event to the
 * contract check, which rejects what the handler could not read.
 */
function isOurs(handler: EventHandler, data: unknown): boolean {
  if (!handler.when) return true;
  try {
    return handler.when(data);
  } catch {
    return true;
  }
}
