import { TOPICS, fromKafkaRecord } from '@bangbang/contracts';
import { ensureTopics, Messaging } from '@bangbang/messaging';
import { getLogger } from '@bangbang/observability';
import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

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

type Listener = (change: LiveChange) => void;

const LIVE_TOPICS = [TOPICS.request, TOPICS.dispatch];

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

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.consumer?.disconnect();
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
        await sleep(Math.min(30_000, 500 * 2 ** attempt), undefined, { signal: this.stopping.signal }).catch(() => undefined);
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
    consumer.on(consumer.events.GROUP_JOIN, () => this.markReady());
    await consumer.connect();
    if (this.stopping.signal.aborted) return consumer.disconnect();
    await consumer.subscribe({ topics: physical, fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const change = this.toChange(message);
        if (change) this.listeners.forEach((listener) => listener(change));
      },
    });
  }

  private toChange(message: { key: Buffer | null; value: Buffer | null; headers?: Record<string, unknown> }): LiveChange | undefined {
    try {
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
      const event = fromKafkaRecord({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? '', headers });
      const data = event.data as { requestId?: unknown; orgPath?: unknown; at?: unknown; providerId?: unknown };
      if (typeof data.requestId !== 'string' || typeof data.orgPath !== 'string') return undefined;
      return {
        id: event.id,
        type: event.type,
        requestId: data.requestId,
        orgPath: data.orgPath,
        at: typeof data.at === 'string' ? data.at : event.time,
        ...(typeof data.providerId === 'string' && { providerId: data.providerId }),
      };
    } catch (err) {
      this.log.warn({ err }, 'live: unreadable event skipped');
      return undefined;
    }
  }
}
