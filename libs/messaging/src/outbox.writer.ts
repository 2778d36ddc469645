import { CloudEvent, createEvent, EventContract, toKafkaRecord, validateEvent } from '@bangbang/contracts';
import { currentTrace } from '@bangbang/observability';
import { EntityManager } from 'typeorm';

export const OUTBOX_CHANNEL = 'bangbang_outbox';

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
  // The notification is delivered at commit, so the relay wakes up the moment the row is visible;
  // one statement for both saves a round trip per event.
  await manager.query(
    `WITH written AS (
       INSERT INTO outbox (id, topic, key, type, headers, payload) VALUES ($1, $2, $3, $4, $5, $6) RETURNING topic)
     SELECT pg_notify($7, topic) FROM written`,
    [event.id, contract.topic, record.key, event.type, record.headers, record.value, OUTBOX_CHANNEL],
  );
  return event;
}
