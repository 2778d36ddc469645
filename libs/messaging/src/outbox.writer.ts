import { CloudEvent, createEvent, EventContract, toKafkaRecord, validateEvent } from '@bangbang/contracts';
import { currentTrace } from '@bangbang/observability';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
} from 'typeorm';

export const OUTBOX_CHANNEL = 'bangbang_outbox';
/** Keeps the aggregate locks apart from other advisory locks (migrations use their own key). */
const AGGREGATE_LOCK_SEED = 727_002;

export interface Publish<T> {
  subject: string;
  data: T;
  correlationid?: string;
  causationid?: string;
}

interface Row {
  id: string;
  topic: string;
  key: string | null;
  type: string;
  headers: string;
  payload: string;
}

/** Events written in a transaction and not yet inserted, by the query runner that holds the transaction. */
const unwritten = new WeakMap<QueryRunner, Row[]>();

/**
 * A transaction's events, inserted in one statement just before it commits: the per-aggregate
 * locks (each aggregate once, in one order, so no two writers wait on each other in a circle), the rows in
 * the order they were written, and the notification (delivered at commit, so the relay wakes the
 * moment the rows are visible). The transaction-scoped lock makes writers of one aggregate take
 * turns until commit, so seq order is commit order for that aggregate and the relay, publishing by
 * seq, never sends a later fact ahead of an earlier one.
 */
const INSERT_WRITTEN = `
  WITH locked AS (
    SELECT pg_advisory_xact_lock(hashtextextended(k, ${AGGREGATE_LOCK_SEED})) FROM unnest($1::text[]) AS k),
  written AS (
    INSERT INTO outbox (id, topic, key, type, headers, payload)
    SELECT e.id, e.topic, e.key, e.type, e.headers::jsonb, e.payload
      FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
           AS e(id, topic, key, type, headers, payload, n)
     WHERE (SELECT count(*) FROM locked) > 0
     ORDER BY e.n
    RETURNING topic)
  SELECT pg_notify($8, topic) FROM written`;

async function insertWritten(runner: QueryRunner): Promise<void> {
  const rows = unwritten.get(runner);
  if (!rows) return;
  unwritten.delete(runner);
  const aggregates = [...new Set(rows.map((r) => `${r.topic}|${r.key}`))].sort();
  const column = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
  await runner.query(INSERT_WRITTEN, [
    aggregates,
    column('id'),
    column('topic'),
    column('key'),
    column('type'),
    column('headers'),
    column('payload'),
    OUTBOX_CHANNEL,
  ]);
}

/**
 * Inserts a transaction's events when it commits, and forgets them when it rolls back. A nested
 * transaction (a savepoint TypeORM makes) inserts those written before it first, so that events
 * not yet inserted always belong to the innermost one. A savepoint made in SQL of its own is not
 * seen: an event written after it stays written when the transaction is rolled back to it.
 */
class OutboxAtCommit implements EntitySubscriberInterface {
  beforeTransactionStart(event: TransactionStartEvent): Promise<void> {
    return insertWritten(event.queryRunner);
  }

  beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    return insertWritten(event.queryRunner);
  }

  beforeTransactionRollback(event: TransactionRollbackEvent): void {
    unwritten.delete(event.queryRunner);
  }
}

const atCommit = new OutboxAtCommit();

function insertAtCommit(ds: DataSource): void {
  if (!ds.subscribers.includes(atCommit)) ds.subscribers.push(atCommit);
}

/**
 * Records an event in the caller's transaction, so the event exists if and only if the state
 * change that it describes was committed. Its row is inserted with the transaction's other events
 * as it commits (one statement however many it wrote), and the relay publishes it afterwards.
 */
export async function writeToOutbox<T extends object>(
  manager: EntityManager,
  contract: EventContract<T>,
  input: Publish<T>,
): Promise<CloudEvent<T>> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    throw new Error('writeToOutbox must run inside the transaction that changes the state');
  }
  const trace = currentTrace();
  const event = createEvent(contract.source, {
    type: contract.type,
    subject: input.subject,
    data: input.data,
    correlationid: input.correlationid ?? trace?.correlationId,
    causationid: input.causationid ?? trace?.causationId,
  });
  // A producer never emits what its own contract refuses: the bug surfaces here, not downstream.
  validateEvent(event as CloudEvent, contract);
  const record = toKafkaRecord(event);
  insertAtCommit(manager.connection);
  const rows = unwritten.get(runner) ?? [];
  unwritten.set(runner, rows);
  rows.push({
    id: event.id,
    topic: contract.topic,
    key: record.key,
    type: event.type,
    headers: JSON.stringify(record.headers),
    payload: record.value,
  });
  return event;
}
