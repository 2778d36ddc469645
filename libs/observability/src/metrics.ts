import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The process-wide Prometheus registry and the metrics every service shares. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const eventsPublished = new Counter({
  name: 'bangbang_events_published_total',
  help: 'Events the outbox relay published to Kafka',
  labelNames: ['topic'] as const,
  registers: [registry],
});

export const eventsConsumed = new Counter({
  name: 'bangbang_events_consumed_total',
  help: 'Events taken off Kafka, by outcome (applied, duplicate, ignored, dead_lettered)',
  labelNames: ['group', 'topic', 'outcome'] as const,
  registers: [registry],
});

export const offsetCommits = new Counter({
  name: 'bangbang_consumer_offset_commits_total',
  help: 'Offset commits sent to the broker: every CONSUMER_COMMIT_INTERVAL_MS for all partitions (deferred), or at once after a dead letter and before leaving a partition (at_once)',
  labelNames: ['group', 'kind'] as const,
  registers: [registry],
});

export const kafkaRequests = new Counter({
  name: 'bangbang_kafka_requests_total',
  help: 'Requests this process sent to the Kafka brokers, by client (consumer, producer, admin) and API (Fetch, Produce, OffsetCommit…)',
  labelNames: ['client', 'api'] as const,
  registers: [registry],
});

export const eventFailures = new Counter({
  name: 'bangbang_event_handler_failures_total',
  help: 'Failed attempts to handle an event (each retry counts)',
  labelNames: ['group', 'topic'] as const,
  registers: [registry],
});

export const outboxPending = new Gauge({
  name: 'bangbang_outbox_pending',
  help: 'Outbox rows not yet published',
  registers: [registry],
});

export const outboxLagSeconds = new Gauge({
  name: 'bangbang_outbox_lag_seconds',
  help: 'Age of the oldest unpublished outbox row',
  registers: [registry],
});

export const backgroundPassSeconds = new Histogram({
  name: 'bangbang_background_pass_seconds',
  help: 'Duration of one pass of a background loop (relay, senders, clocks, sweepers)',
  labelNames: ['loop'] as const,
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
  registers: [registry],
});

export const backgroundPassErrors = new Counter({
  name: 'bangbang_background_pass_errors_total',
  help: 'Passes of a background loop that failed',
  labelNames: ['loop'] as const,
  registers: [registry],
});

export const consumerLag = new Gauge({
  name: 'bangbang_consumer_lag',
  help: 'Messages on a topic that a consumer group has not committed yet, read from the broker',
  labelNames: ['group', 'topic'] as const,
  registers: [registry],
});

export const consumerUp = new Gauge({
  name: 'bangbang_consumer_up',
  help: 'Whether a consumer group member holds its assignment and consumes (1) or is joining, rebalancing, crashed or stopped (0)',
  labelNames: ['group'] as const,
  registers: [registry],
});

export const rowsPruned = new Counter({
  name: 'bangbang_rows_pruned_total',
  help: 'Rows deleted by housekeeping, by table',
  labelNames: ['table'] as const,
  registers: [registry],
});
