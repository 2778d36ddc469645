import { EntityManager } from 'typeorm';
import { messageIdFor, webhookBody, WebhookEventType } from './webhook-payloads';

export const WEBHOOK_CHANNEL = 'merchant_webhooks';

export interface Occurrence {
  /**
   * The fact's natural key (an offer id, a request and the time it was assigned, …), not its event
   * id: the same fact published again under a new event id must map to the same message.
   */
  factKey: string;
  time: string;
}

/**
 * Queues a message for each of the unit's live endpoints that takes this type, in the caller's
 * transaction (so with the inbox row of the fact): at least once, whatever happens next, and once
 * per fact however many times it arrives.
 */
export async function enqueueWebhook(
  m: EntityManager,
  unitId: string,
  type: WebhookEventType,
  data: object,
  from: Occurrence,
): Promise<number> {
  const messageId = messageIdFor(from.factKey, type, unitId);
  // The sender is woken at the commit, in the same statement, and only if a message was queued
  // (PostgreSQL sends a transaction's identical notifications once).
  const inserted = await m.query<{ id: string }[]>(
    `WITH queued AS (
       INSERT INTO webhook_delivery (id, message_id, endpoint_id, unit_id, org_path, event_type, body, status, next_attempt_at)
       SELECT gen_random_uuid(), $1, e.id, e.unit_id, e.org_path, $3, $4, 'pending', now()
       FROM webhook_endpoint e
       WHERE e.unit_id = $2 AND e.enabled AND e.deleted_at IS NULL AND $3 = ANY (e.event_types)
       ON CONFLICT (message_id, endpoint_id) DO NOTHING
       RETURNING id)
     SELECT id, pg_notify($5, $2::text) FROM queued`,
    [messageId, unitId, type, webhookBody(type, from.time, data), WEBHOOK_CHANNEL],
  );
  return inserted.length;
}
