import { CallerCardV1, CallRang, TOPICS, fromKafkaRecord } from '@bangbang/contracts';
import { backoffDelay, countRequests, DeferredCommits, ensureTopics, finishedWithin, Messaging } from '@bangbang/messaging';
import { getLogger } from '@bangbang/observability';
import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { LiveCall } from './live-call.dto';

/** What the console learns of a change: enough to refetch the request, nothing personal. */
export interface LiveChange {
  id: string;
  type: string;
  requestId: string;
  orgPath: string;
  at: string;
  /** The provider a dispatch fact is about (offered, withdrawn, assigned…): whose app it concerns. */
  providerId?: string;
}

export type LiveItem = { event: 'change'; data: LiveChange } | { event: 'call'; data: LiveCall };

type Listener = (item: LiveItem) => void;

const CALL_FACT = /^bangbang\.request\.(call|callback)-/;

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const LIVE_TOPICS = [TOPICS.request, TOPICS.dispatch];
const LEAVE_WAIT_MS = 5_000;

/**
 * Request and dispatch facts for the console's live views. Not the idempotent inbox consumer: a
 * live view wants what happens from now on, once per gateway instance, so each instance joins its
 * own throwaway group at the latest offsets and fans the facts out to its open streams in memory.
 */
@Injectable()
export class LiveHub implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly log = getLogger('live');
  private readonly listeners = new Set<Listener>();
  private readonly streams = new Set<() => void>();
  private consumer?: Consumer;
  /** Where the stream resumes after a rejoin: a few items again rather than a gap. */
  private readonly commits = new DeferredCommits(async (offsets) => this.consumer?.commitOffsets(offsets), 1_000);
  private started?: Promise<void>;
  private readonly stopping = new AbortController();
  private markReady!: () => void;
  /** Settles once the group is joined, so a stream opened before that does not promise what it cannot see. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(private readonly messaging: Messaging) {}

  /** Joins in the background: the gateway's routes do not wait for the bus, only its live streams do. */
  onApplicationBootstrap(): void {
    this.started ??= this.startUntilJoined();
  }

  /** Open streams would hold the HTTP server open on shutdown; clients reconnect to another instance. */
  beforeApplicationShutdown(): void {
    this.streams.forEach((end) => end());
  }

  /**
   * Leaving the throwaway group is a courtesy: past LEAVE_WAIT_MS (a broker that does not answer,
   * a fetch being retried) shutdown goes on, and the group's member expires on its own.
   */
  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    this.commits.stop();
    if (this.consumer && !(await finishedWithin(this.consumer.disconnect(), LEAVE_WAIT_MS))) {
      this.log.warn({ waitedMs: LEAVE_WAIT_MS }, 'live: the consumer did not leave its group in time; shutting down without it');
    }
  }

  /** `end` closes the subscriber's stream when the gateway shuts down. */
  subscribe(listener: Listener, end: () => void): () => void {
    this.listeners.add(listener);
    this.streams.add(end);
    return () => {
      this.listeners.delete(listener);
      this.streams.delete(end);
    };
  }

  private async startUntilJoined(): Promise<void> {
    for (let attempt = 1; !this.stopping.signal.aborted; attempt++) {
      try {
        await this.start();
        return;
      } catch (err) {
        this.log.warn({ err, attempt }, 'live: bus not reachable; trying again');
        await this.consumer?.disconnect().catch(() => undefined);
        // Jittered, so that the gateway's instances do not all come back to the broker at once.
        const delay = backoffDelay(attempt, { initialMs: 1_000, maxMs: 30_000, jitter: 0.2 });
        await sleep(delay, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }

  private async start(): Promise<void> {
    const { kafka, topics, admin, config } = this.messaging;
    const physical = LIVE_TOPICS.map((t) => topics.physical(t));
    await admin.connect();
    // The gateway may start before the services that produce these; it reads, so it may create them.
    await ensureTopics(admin, physical, config);
    if (this.stopping.signal.aborted) return;
    const consumer = kafka.consumer({ groupId: topics.physical(`gateway-live-${randomUUID()}`), allowAutoTopicCreation: false });
    this.consumer = consumer;
    countRequests(consumer, 'consumer');
    consumer.on(consumer.events.GROUP_JOIN, () => this.markReady());
    consumer.on(consumer.events.REBALANCING, () => this.commits.clear());
    await consumer.connect();
    if (this.stopping.signal.aborted) return consumer.disconnect();
    await consumer.subscribe({ topics: physical, fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const item = this.toItem(message);
        if (item) this.listeners.forEach((listener) => listener(item));
        this.commits.note({ topic, partition, offset: (BigInt(message.offset) + 1n).toString() });
      },
    });
    this.commits.start();
  }

  private toItem(message: { key: Buffer | null; value: Buffer | null; headers?: Record<string, unknown> }): LiveItem | undefined {
    try {
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
      const event = fromKafkaRecord({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? '', headers });
      const data = event.data as Record<string, unknown>;
      const orgPath = text(data.orgPath);
      if (!orgPath) return undefined;
      const at = text(data.at) ?? event.time;
      if (CALL_FACT.test(event.type)) {
        const callId = text(data.callId);
        if (!callId) return undefined;
        const agentId = text(data.agentId) ?? text(data.doneBy);
        const call: LiveCall = { id: event.id, type: event.type, callId, orgPath, at };
        if (agentId) call.agentId = agentId;
        if (text(data.extension)) call.extension = text(data.extension);
        if (text(data.outcome)) call.outcome = text(data.outcome);
        if (text(data.callbackId)) call.callbackId = text(data.callbackId);
        if (event.type === CallRang.type) call.caller = data.caller as CallerCardV1;
        return { event: 'call', data: call };
      }
      const requestId = text(data.requestId);
      if (!requestId) return undefined;
      const change: LiveChange = { id: event.id, type: event.type, requestId, orgPath, at };
      if (text(data.providerId)) change.providerId = text(data.providerId);
      return { event: 'change', data: change };
    } catch (err) {
      this.log.warn({ err }, 'live: unreadable event skipped');
      return undefined;
    }
  }
}
