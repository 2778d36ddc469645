import { CloudEvent, createEvent, EventContract, toKafkaRecord, validateEvent } from '@bangbang/contracts';
import { currentTrace } from '@bangbang/observability';
import { EntityManager } from 'typeorm';

export const OUTBOX_CHANNEL = 'bangbang_outbox';
/** Keeps the aggregate locks apart from other advisory locks (migrations use their own key). */
const AGGREGATE_LOCK_SEED = 727_002;

export interface Publish<T> {
  subject: string;
  data: T;
  correlationid?: string;
  causationid?: string;
}

/**
 * Records an event in the caller's transaction, so the event exists if and only if the state
 * change that it describes was committed. The relay publishes it afterwards.
 */
export async function writeToOutbox<T extends object>(
  manager: EntityManager,
  contract: EventContract<T>,
  input: Publish<T>,
): Promise<CloudEvent<T>> {
  if (!manager.queryRunner?.isTransactionActive) {
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
  // One statement: the per-aggregate lock, the row, and the notification (delivered at commit, so
  // the relay wakes the moment the row is visible). The transaction-scoped lock makes writers of one
  // aggregate take turns until commit, so seq order is commit order for that aggregate and the relay,
  // publishing by seq, never sends a later fact ahead of an earlier one.
  await manager.query(
    `WITH locked AS (SELECT pg_advisory_xact_lock(hashtextextended($2 || '|' || $3, ${AGGREGATE_LOCK_SEED}))),
     written AS (
       INSERT INTO outbox (id, topic, key, type, headers, payload)
       SELECT $1, $2, $3, $4, $5, $6 FROM locked RETURNING topic)
     SELECT pg_notify($7, topic) FROM written`,
    [event.id, contract.topic, record.key, event.type, record.headers, record.value, OUTBOX_CHANNEL],
  );
  return event;
}
