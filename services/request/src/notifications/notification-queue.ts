import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { ServiceRequest } from '../requests/service-request.entity';
import { MessageSealer } from './message-sealer';
import { NotificationTemplate } from './notification.entity';
import { MessageFacts, messageText } from './templates';

/** Notified when texts are queued (by a trigger on the table), to wake the sender. */
export const NOTIFICATION_CHANNEL = 'request_notifications';

/**
 * The message goes to the request's own resident, else to the household's first resident with a
 * phone; one statement finds the number and queues the text, with the database's clock, which the
 * sender's claim reads.
 */
const ENQUEUE = `
  INSERT INTO notification (id, request_id, recipient, template, body, sealed_body, status, attempts, next_attempt_at)
  SELECT $1, $2, p.phone, $3, $4, $5, 'pending', 0, now()
    FROM resident r JOIN resident_phone p ON p.resident_id = r.id
   WHERE r.household_id = $6
   ORDER BY (r.id = $7) DESC NULLS LAST, r.created_at, p.phone LIMIT 1
  RETURNING 1`;

/**
 * Queues a message to the request's resident in the caller's transaction: it exists if and only if
 * the change it reports was committed, and the sender delivers it whenever the SMS gateway answers.
 * False when nobody in the household has a phone.
 */
export async function enqueueNotification(
  m: EntityManager,
  sealer: MessageSealer,
  request: Pick<ServiceRequest, 'id' | 'number' | 'householdId' | 'residentId'>,
  template: NotificationTemplate,
  facts: Omit<MessageFacts, 'number'> = {},
): Promise<boolean> {
  const { body, sealedBody } = sealer.seal(messageText(template, { ...facts, number: request.number }));
  const queued = await m.query<unknown[]>(ENQUEUE, [
    randomUUID(),
    request.id,
    template,
    body,
    sealedBody,
    request.householdId,
    request.residentId,
  ]);
  return queued.length > 0;
}
