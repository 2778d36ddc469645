import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class MessagingConfig {
  /** Comma-separated host:port list. */
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /** Lets one cluster host several environments, and tests isolate themselves. */
  @IsOptional() @Matches(/^[a-zA-Z0-9._-]*$/) KAFKA_TOPIC_PREFIX = '';

  @IsInt() @Min(1) @Max(64) KAFKA_PARTITIONS = 3;
  @IsInt() @Min(1) @Max(5) KAFKA_REPLICATION_FACTOR = 1;
  @IsInt() @Min(1) @Max(16) KAFKA_PARTITIONS_CONCURRENTLY = 3;

  @IsInt() @Min(1) @Max(5_000) OUTBOX_BATCH_SIZE = 500;
  @IsInt() @Min(10) @Max(60_000) OUTBOX_POLL_MS = 1_000;
  @IsInt() @Min(1) @Max(720) OUTBOX_RETENTION_HOURS = 24;

  /** How long a silent consumer keeps its partitions; a crashed one blocks them this long. */
  @IsInt() @Min(6_000) @Max(300_000) CONSUMER_SESSION_TIMEOUT_MS = 30_000;
  @IsInt() @Min(100) @Max(60_000) CONSUMER_HEARTBEAT_MS = 3_000;

  /** Attempts of one event before it goes to the dead-letter topic. */
  @IsInt() @Min(1) @Max(20) CONSUMER_MAX_ATTEMPTS = 5;
  @IsInt() @Min(1) @Max(60_000) CONSUMER_RETRY_INITIAL_MS = 200;
  @IsInt() @Min(1) @Max(300_000) CONSUMER_RETRY_MAX_MS = 5_000;

  @IsString() @IsIn(['error', 'warn', 'info', 'debug']) KAFKA_LOG_LEVEL = 'warn';
}
