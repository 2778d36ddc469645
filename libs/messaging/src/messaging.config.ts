import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

/** The broker evicts a member that misses its session; three heartbeats a session leave room for one lost. */
@ValidatorConstraint({ name: 'heartbeatWithinSession' })
class HeartbeatWithinSession implements ValidatorConstraintInterface {
  validate(heartbeat: number, args: ValidationArguments): boolean {
    return heartbeat * 3 <= (args.object as MessagingConfig).CONSUMER_SESSION_TIMEOUT_MS;
  }
  defaultMessage(): string {
    return 'CONSUMER_HEARTBEAT_MS must be at most a third of CONSUMER_SESSION_TIMEOUT_MS';
  }
}

export class MessagingConfig {
  /** Comma-separated host:port list. */
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /** SASL login to the brokers (see kafka-security.ts); empty: none, as for the local broker. */
  @IsIn(['', 'plain', 'scram-sha-256', 'scram-sha-512'], { message: 'KAFKA_SASL_MECHANISM must be plain, scram-sha-256 or scram-sha-512' })
  KAFKA_SASL_MECHANISM = '';
  @IsString() KAFKA_SASL_USERNAME = '';
  @IsString() KAFKA_SASL_PASSWORD = '';
  /** TLS to the brokers, their certificates verified against KAFKA_SSL_CA or else the system's CAs. */
  @IsBoolean() KAFKA_SSL = false;
  /** Path of a PEM file with the CA that signed the brokers' certificates. */
  @IsString() KAFKA_SSL_CA = '';

  /** Lets one cluster host several environments, and tests isolate themselves. */
  @IsOptional() @Matches(/^[a-zA-Z0-9._-]*$/) KAFKA_TOPIC_PREFIX = '';

  @IsInt() @Min(1) @Max(64) KAFKA_PARTITIONS = 3;
  @IsInt() @Min(1) @Max(5) KAFKA_REPLICATION_FACTOR = 1;
  @IsInt() @Min(1) @Max(16) KAFKA_PARTITIONS_CONCURRENTLY = 3;

  @IsInt() @Min(1) @Max(5_000) OUTBOX_BATCH_SIZE = 500;
  /** The relay is woken by pg_notify at each commit; the poll only catches a lost notification. */
  @IsInt() @Min(10) @Max(60_000) OUTBOX_POLL_MS = 10_000;
  /** Sent outbox rows are kept this long, to see what was published, then pruned. */
  @IsInt() @Min(1) @Max(720) OUTBOX_RETENTION_HOURS = 24;
  /**
   * The least time an inbox row is kept; each topic's rows are kept at least its retention plus a
   * segment as the broker reports them (see housekeeping.ts). 8 days: beyond Kafka's default week.
   */
  @IsInt() @Min(1) @Max(87_600) INBOX_RETENTION_HOURS = 192;
  /** How often housekeeping prunes the outbox and inbox. */
  @IsInt() @Min(1_000) @Max(86_400_000) HOUSEKEEPING_MS = 600_000;

  /**
   * How long a silent consumer keeps its partitions: a member killed without leaving blocks them this
   * long, and its restarted successor waits as long to join. 6 s is the broker's lowest
   * (group.min.session.timeout.ms); the defaults were measured (bench/consumer-handover.bench.ts).
   */
  @IsInt() @Min(6_000) @Max(300_000) CONSUMER_SESSION_TIMEOUT_MS = 10_000;
  @IsInt() @Min(100) @Max(60_000) @Validate(HeartbeatWithinSession) CONSUMER_HEARTBEAT_MS = 1_000;
  /** How long the group waits for live members to rejoin in a rebalance; longer than one batch takes. */
  @IsInt() @Min(6_000) @Max(300_000) CONSUMER_REBALANCE_TIMEOUT_MS = 30_000;
  /**
   * How long a fetch waits on the broker for new messages. kafkajs heartbeats between fetches, so an
   * idle member learns of a rebalance (a member left or died) only this late; measured in the bench.
   */
  @IsInt() @Min(100) @Max(30_000) CONSUMER_MAX_WAIT_MS = 1_000;
  /**
   * How often a consumer commits how far it has read, all its partitions in one request; until then
   * a restart reads those events again, and the inbox skips the ones already applied.
   */
  @IsInt() @Min(100) @Max(60_000) CONSUMER_COMMIT_INTERVAL_MS = 1_000;
  /** How often each consumer group's lag is read from the broker for /health and /metrics. */
  @IsInt() @Min(500) @Max(300_000) CONSUMER_LAG_POLL_MS = 5_000;
  /** First wait before a consumer that could not start or crashed is started again; doubles up to 30 s. */
  @IsInt() @Min(100) @Max(60_000) CONSUMER_RESTART_MS = 1_000;

  /**
   * Most events applied in one database transaction (with their inbox rows). A chunk that fails is
   * applied again one event at a time; 1 gives one transaction per event.
   */
  @IsInt() @Min(1) @Max(1_000) CONSUMER_BATCH_SIZE = 100;
  /** Attempts of one event before it goes to the dead-letter topic. */
  @IsInt() @Min(1) @Max(20) CONSUMER_MAX_ATTEMPTS = 5;
  @IsInt() @Min(1) @Max(60_000) CONSUMER_RETRY_INITIAL_MS = 200;
  @IsInt() @Min(1) @Max(300_000) CONSUMER_RETRY_MAX_MS = 5_000;

  @IsString() @IsIn(['error', 'warn', 'info', 'debug']) KAFKA_LOG_LEVEL = 'warn';
}
